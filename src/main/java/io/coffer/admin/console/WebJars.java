package io.coffer.admin.console;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;

/**
 * Libraries the console uses, served from their WebJars on the class path: {@code
 * /vendor/<name>/<file>} is {@code dist/<file>} of that npm WebJar, whatever its version.
 */
final class WebJars {
  private final Map<String, String> distFolders;

  private WebJars(Map<String, String> distFolders) {
    this.distFolders = distFolders;
  }

  static WebJars load(ClassLoader loader, String... names) {
    Map<String, String> folders = new HashMap<>();
    for (String name : names) {
      folders.put(
          name, "META-INF/resources/webjars/" + name + "/" + versionOf(loader, name) + "/dist/");
    }
    return new WebJars(folders);
  }

  /** {@code path} is what follows /vendor/, already checked by {@link AssetPaths#isSafe}. */
  Optional<String> resourceOf(String path) {
    int slash = path.indexOf('/');
    if (slash < 0) {
      return Optional.empty();
    }
    String folder = distFolders.get(path.substring(0, slash));
    return folder == null ? Optional.empty() : Optional.of(folder + path.substring(slash + 1));
  }

  private static String versionOf(ClassLoader loader, String name) {
    String resource = "META-INF/maven/org.webjars.npm/" + name + "/pom.properties";
    try (InputStream in = loader.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("the WebJar " + name + " is not on the class path");
      }
      Properties properties = new Properties();
      properties.load(in);
      return properties.getProperty("version");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
