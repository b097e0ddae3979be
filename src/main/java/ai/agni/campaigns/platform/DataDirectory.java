package ai.agni.campaigns.platform;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The data directory ({@code agni.data-dir}, {@code ./data} by default) and the private files in
 * it: the directory is created owner-only (0700), and every file the service writes there (the
 * bootstrap key, the secret key) or H2 keeps there is owner-read/write only (0600). On file systems
 * without POSIX permissions the modes are skipped silently.
 */
public final class DataDirectory {

  public static final Set<PosixFilePermission> OWNER_ONLY_DIRECTORY =
      PosixFilePermissions.fromString("rwx------");
  public static final Set<PosixFilePermission> OWNER_ONLY_FILE =
      PosixFilePermissions.fromString("rw-------");

  /** The file names the service writes itself; H2's are recognised by {@link #isDatabaseFile}. */
  private static final List<String> OWN_FILES = List.of("bootstrap-key.txt", "secret.key");

  private DataDirectory() {}

  /**
   * Creates the directory owner-only when it is missing, and restricts the files already in it.
   *
   * @return true when this call created the directory
   */
  public static boolean prepare(Path dir) {
    boolean created = false;
    try {
      if (!Files.isDirectory(dir)) {
        Files.createDirectories(dir, posix(dir) ? dirAttribute() : new FileAttribute<?>[0]);
        restrict(dir, OWNER_ONLY_DIRECTORY);
        created = true;
      }
      restrictFiles(dir);
      return created;
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot prepare the data directory " + dir, e);
    }
  }

  /** Restricts the service's own files and the H2 database files directly in {@code dir}. */
  public static void restrictFiles(Path dir) {
    if (!Files.isDirectory(dir) || !posix(dir)) {
      return;
    }
    try (Stream<Path> files = Files.list(dir)) {
      files
          .filter(Files::isRegularFile)
          .filter(f -> OWN_FILES.contains(name(f)) || isDatabaseFile(f))
          .forEach(f -> restrict(f, OWNER_ONLY_FILE));
    } catch (IOException e) {
      throw new UncheckedIOException("Cannot list the data directory " + dir, e);
    }
  }

  /** Whether group or others may enter the directory. */
  public static boolean isOpenToOthers(Path dir) {
    if (!Files.isDirectory(dir) || !posix(dir)) {
      return false;
    }
    try {
      return !OWNER_ONLY_DIRECTORY.containsAll(Files.getPosixFilePermissions(dir));
    } catch (IOException e) {
      return false;
    }
  }

  /**
   * Writes {@code content} to {@code file}, replacing it; the file is 0600 from its first byte
   * (written beside it, then moved into place).
   */
  public static void writePrivate(Path file, String content) throws IOException {
    Path temp = privateTemp(file, content);
    try {
      Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    } finally {
      Files.deleteIfExists(temp);
    }
  }

  /**
   * Creates {@code file} with {@code content} (0600 from its first byte) unless it exists.
   *
   * @return false when the file existed (whoever created it wins; its content is untouched)
   */
  public static boolean createPrivate(Path file, String content) throws IOException {
    Path temp = privateTemp(file, content);
    try {
      // why a link: it appears complete or not at all, and fails when another process was first.
      Files.createLink(file, temp);
      return true;
    } catch (FileAlreadyExistsException e) {
      return false;
    } catch (UnsupportedOperationException | IOException noLinks) {
      return moveUnlessExists(temp, file);
    } finally {
      Files.deleteIfExists(temp);
    }
  }

  private static boolean moveUnlessExists(Path temp, Path file) throws IOException {
    try {
      Files.move(temp, file);
      return true;
    } catch (FileAlreadyExistsException e) {
      return false;
    }
  }

  private static Path privateTemp(Path file, String content) throws IOException {
    Path dir = file.toAbsolutePath().getParent();
    Path temp =
        posix(dir)
            ? Files.createTempFile(dir, "." + name(file), ".tmp", fileAttribute())
            : Files.createTempFile(dir, "." + name(file), ".tmp");
    try {
      Files.writeString(temp, content, StandardCharsets.UTF_8);
      return temp;
    } catch (IOException e) {
      Files.deleteIfExists(temp);
      throw e;
    }
  }

  private static boolean isDatabaseFile(Path file) {
    // why by suffix: H2 keeps <name>.mv.db, and beside it .trace.db, .lock.db and .temp.db files.
    return name(file).endsWith(".db");
  }

  private static void restrict(Path path, Set<PosixFilePermission> permissions) {
    try {
      Files.setPosixFilePermissions(path, permissions);
    } catch (UnsupportedOperationException | IOException notPossible) {
      // why silent: not every file system has POSIX modes; the directory mode still applies.
    }
  }

  private static boolean posix(Path path) {
    Path existing = path.toAbsolutePath();
    while (existing != null && !Files.exists(existing)) {
      existing = existing.getParent();
    }
    return existing != null
        && Files.getFileAttributeView(existing, PosixFileAttributeView.class) != null;
  }

  private static String name(Path file) {
    return file.getFileName().toString();
  }

  private static FileAttribute<?>[] dirAttribute() {
    return new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(OWNER_ONLY_DIRECTORY)};
  }

  private static FileAttribute<?> fileAttribute() {
    return PosixFilePermissions.asFileAttribute(OWNER_ONLY_FILE);
  }
}
