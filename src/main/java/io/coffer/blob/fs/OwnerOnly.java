package io.coffer.blob.fs;

import java.nio.file.FileSystems;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFilePermissions;

/**
 * Creation attributes for blob files and their folders: readable by the owner only, since object
 * bytes are as private as the keys beside them. Set at creation, so there is no moment in which a
 * file is open to others. None where the file system has no POSIX permissions.
 */
final class OwnerOnly {
  private static final boolean POSIX =
      FileSystems.getDefault().supportedFileAttributeViews().contains("posix");

  static final FileAttribute<?>[] FILE = of("rw-------");
  static final FileAttribute<?>[] DIRECTORY = of("rwx------");

  private OwnerOnly() {}

  private static FileAttribute<?>[] of(String permissions) {
    return POSIX
        ? new FileAttribute<?>[] {
          PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString(permissions))
        }
        : new FileAttribute<?>[0];
  }
}
