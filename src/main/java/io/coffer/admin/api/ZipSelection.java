package io.coffer.admin.api;

import io.coffer.model.CofferException;
import io.coffer.model.ListPage;
import io.coffer.model.ListedObject;
import io.coffer.service.Caller;
import io.coffer.service.ObjectRead;
import io.coffer.service.ObjectService;
import io.coffer.service.ReadConditions;
import io.coffer.service.ReadResult;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.NoSuchElementException;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * The entries of a zip download: the chosen keys, then every key under each chosen prefix, listed a
 * page at a time as the archive reaches them (a folder of millions of keys is never listed at
 * once). Entry names are the keys relative to {@code base} (the folder the console shows), made
 * safe to extract: no absolute paths, no "." or ".." segments, no backslashes, and no name twice.
 */
final class ZipSelection implements Iterator<ZipArchiveStream.Item> {
  /** Past this many entries the archive stops (the JDK keeps each entry until the end). */
  static final int MAX_ENTRIES = 100_000;

  private static final int PAGE = 1000;

  private final ObjectService objects;
  private final Caller caller;
  private final String bucket;
  private final String base;
  private final Deque<String> keys;
  private final Deque<String> prefixes;
  private final Set<String> names = new HashSet<>();
  private final List<String> notes = new ArrayList<>();
  private final Deque<ListedObject> page = new ArrayDeque<>();
  private @Nullable String listing;
  private @Nullable String after;
  private int entries;
  private ZipArchiveStream.@Nullable Item next;

  ZipSelection(
      ObjectService objects,
      Caller caller,
      String bucket,
      String base,
      List<String> keys,
      List<String> prefixes) {
    this.objects = objects;
    this.caller = caller;
    this.bucket = bucket;
    this.base = base;
    this.keys = new ArrayDeque<>(keys);
    this.prefixes = new ArrayDeque<>(prefixes);
  }

  @Override
  public boolean hasNext() {
    while (next == null && entries < MAX_ENTRIES) {
      ListedObject object = nextObject();
      if (object == null) {
        return false;
      }
      String key = object.key();
      String name = entryName(base, key);
      if (name.isEmpty()) {
        continue; // the folder's own marker: the folder is the archive itself
      }
      entries++;
      next =
          new ZipArchiveStream.Item(
              key, unique(name), object.updatedAt(), compressible(key), () -> open(key));
    }
    return next != null;
  }

  @Override
  public ZipArchiveStream.Item next() {
    if (!hasNext()) {
      throw new NoSuchElementException();
    }
    ZipArchiveStream.Item item = java.util.Objects.requireNonNull(next);
    next = null;
    return item;
  }

  /**
   * What the archive's errors entry says besides the objects that could not be read: prefixes that
   * could not be listed, and a stop at {@link #MAX_ENTRIES} with keys left.
   */
  List<String> notes() {
    if (entries >= MAX_ENTRIES && nextObject() != null) {
      notes.add("(more keys: an archive holds at most " + MAX_ENTRIES + " entries)");
    }
    return notes;
  }

  /**
   * The next key chosen alone (with the time of now, as a listing of it would cost a query: its
   * file's time comes from its read), or listed under a chosen prefix.
   */
  private @Nullable ListedObject nextObject() {
    if (!keys.isEmpty()) {
      String key = keys.poll();
      return new ListedObject(bucket, key, 0, "", "", null, 0, Instant.now(), Instant.now());
    }
    while (page.isEmpty()) {
      if (listing == null) {
        listing = prefixes.poll();
        after = null;
        if (listing == null) {
          return null;
        }
      }
      ListPage listed;
      try {
        listed = objects.list(caller, bucket, listing, null, after, PAGE);
      } catch (CofferException e) {
        notes.add(listing + " (folder): " + e.getMessage());
        listing = null;
        continue;
      }
      page.addAll(listed.objects());
      after = listed.truncated() ? listed.lastReturned() : null;
      if (after == null) {
        listing = null;
      }
    }
    return page.poll();
  }

  /**
   * The name, or "name~2" (before its extension) and so on when made safe it collides with one
   * already in the archive.
   */
  private String unique(String name) {
    if (names.add(name)) {
      return name;
    }
    String folder = name.endsWith("/") ? "/" : "";
    String stem = name.substring(0, name.length() - folder.length());
    int dot = stem.lastIndexOf('.');
    String extension = dot > stem.lastIndexOf('/') + 1 ? stem.substring(dot) : "";
    stem = stem.substring(0, stem.length() - extension.length());
    for (int n = 2; ; n++) {
      String candidate = stem + "~" + n + extension + folder;
      if (names.add(candidate)) {
        return candidate;
      }
    }
  }

  private ZipArchiveStream.Opened open(String key) {
    DownloadRoutes.refuseCustomerKeyed(objects, caller, bucket, key, null);
    return switch (objects.read(caller, bucket, key, null, ReadConditions.NONE, null, null, null)) {
      case ObjectRead read -> new ZipArchiveStream.Opened(read.stream(), read.meta().updatedAt());
      case ReadResult.NotModified notModified ->
          throw new IllegalStateException("a read without conditions is never Not Modified");
    };
  }

  /** The key relative to the base, each segment safe for an unzip tool to create. */
  static String entryName(String base, String key) {
    String relative = key.startsWith(base) ? key.substring(base.length()) : key;
    StringBuilder name = new StringBuilder();
    for (String segment : relative.split("/", -1)) {
      if (segment.isEmpty()) {
        continue;
      }
      String safe = segment.replace('\\', '_');
      if (safe.equals(".") || safe.equals("..")) {
        safe = "_";
      }
      name.append(name.isEmpty() ? "" : "/").append(safe);
    }
    if (name.isEmpty()) {
      return "";
    }
    return relative.endsWith("/") ? name + "/" : name.toString();
  }

  /**
   * Media and archives are already compressed: deflating them again costs CPU and saves nothing.
   */
  private static boolean compressible(String key) {
    String lower = key.toLowerCase(Locale.ROOT);
    for (String extension :
        List.of(
            ".jpg", ".jpeg", ".png", ".gif", ".webp", ".mp3", ".mp4", ".webm", ".mov", ".zip",
            ".gz", ".tgz", ".zst", ".xz", ".bz2", ".7z", ".pdf")) {
      if (lower.endsWith(extension)) {
        return false;
      }
    }
    return true;
  }
}
