package io.coffer.cli;

import picocli.CommandLine;

/** The version, from the jar's manifest (the build writes it). */
public final class Version implements CommandLine.IVersionProvider {
  public static String current() {
    String version = Main.class.getPackage().getImplementationVersion();
    return version == null ? "development" : version;
  }

  @Override
  public String[] getVersion() {
    return new String[] {"coffer " + current(), "Java " + Runtime.version()};
  }
}
