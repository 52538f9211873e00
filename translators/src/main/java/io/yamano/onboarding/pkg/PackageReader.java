package io.yamano.onboarding.pkg;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;

/**
 * Reads a package into memory, refusing what could harm the host: entries that climb out of the
 * package ({@code ..}, absolute paths, links), more than {@link #MAX_FILES} files or more than
 * {@link #MAX_BYTES} once uncompressed (an archive bomb).
 */
public final class PackageReader {
  /** Uncompressed size limit of one package. */
  public static final long MAX_BYTES = 512L << 20;

  /** File count limit of one package. */
  public static final int MAX_FILES = 10_000;

  private PackageReader() {}

  /**
   * @param name the file name (a lone descriptor keeps it as its path)
   */
  public static PackageContent read(byte[] bytes, String name) throws PackageException {
    if (bytes.length >= 4 && bytes[0] == 'P' && bytes[1] == 'K' && bytes[2] == 3 && bytes[3] == 4) {
      return new PackageContent(PackageFormat.SOL004_CSAR, name, unzip(bytes));
    }
    if (bytes.length >= 2 && (bytes[0] & 0xff) == 0x1f && (bytes[1] & 0xff) == 0x8b) {
      return new PackageContent(PackageFormat.OSM_TAR_GZ, name, stripTopDirectory(untar(bytes)));
    }
    String fileName = name.substring(name.lastIndexOf('/') + 1);
    return new PackageContent(
        PackageFormat.DESCRIPTOR,
        name,
        Map.of(fileName.isEmpty() ? "descriptor" : fileName, bytes));
  }

  private static Map<String, byte[]> unzip(byte[] bytes) throws PackageException {
    var files = new LinkedHashMap<String, byte[]>();
    long total = 0;
    try (var zip = new ZipInputStream(new ByteArrayInputStream(bytes))) {
      ZipEntry entry;
      while ((entry = zip.getNextEntry()) != null) {
        if (entry.isDirectory()) {
          continue;
        }
        String path = safePath(entry.getName());
        byte[] content = readLimited(zip, MAX_BYTES - total, path);
        total += content.length;
        add(files, path, content);
      }
    } catch (IOException e) {
      throw new PackageException("not a readable zip (CSAR): " + e.getMessage(), e);
    }
    return files;
  }

  private static Map<String, byte[]> untar(byte[] bytes) throws PackageException {
    var files = new LinkedHashMap<String, byte[]>();
    long total = 0;
    try (InputStream in = new GZIPInputStream(new ByteArrayInputStream(bytes))) {
      byte[] header = new byte[512];
      String longName = null;
      while (readBlock(in, header)) {
        if (isZero(header)) {
          break;
        }
        String name = longName != null ? longName : headerName(header);
        longName = null;
        long size = octal(header, 124, 12);
        char type = (char) header[156];
        if (size > MAX_BYTES - total) {
          throw new PackageException(
              "the package is larger than " + (MAX_BYTES >> 20) + " MiB uncompressed");
        }
        byte[] content = new byte[(int) size];
        readFully(in, content);
        skip(in, (512 - size % 512) % 512);
        switch (type) {
          case 'L' -> longName = cString(content, 0, content.length);
          case 'x' -> longName = paxPath(content);
          case 'g', '5' -> {
            // Global pax header and directories carry no file.
          }
          case '0', '\0', '7' -> {
            total += size;
            add(files, safePath(name), content);
          }
          default ->
              throw new PackageException(
                  "entry \"" + name + "\" is a link or device (tar type " + type + "): refused");
        }
      }
    } catch (IOException e) {
      throw new PackageException("not a readable tar.gz (OSM package): " + e.getMessage(), e);
    }
    return files;
  }

  private static void add(Map<String, byte[]> files, String path, byte[] content)
      throws PackageException {
    if (files.size() >= MAX_FILES) {
      throw new PackageException("the package has more than " + MAX_FILES + " files");
    }
    if (files.put(path, content) != null) {
      throw new PackageException("the package holds \"" + path + "\" twice");
    }
  }

  /** OSM packages are one directory; paths inside the package do not include it. */
  private static Map<String, byte[]> stripTopDirectory(Map<String, byte[]> files) {
    String top = null;
    for (var path : files.keySet()) {
      int slash = path.indexOf('/');
      String first = slash < 0 ? null : path.substring(0, slash + 1);
      if (first == null || (top != null && !top.equals(first))) {
        return files;
      }
      top = first;
    }
    if (top == null) {
      return files;
    }
    var stripped = new LinkedHashMap<String, byte[]>();
    for (var entry : files.entrySet()) {
      stripped.put(entry.getKey().substring(top.length()), entry.getValue());
    }
    return stripped;
  }

  static String safePath(String name) throws PackageException {
    String path = name.replace('\\', '/');
    while (path.startsWith("./")) {
      path = path.substring(2);
    }
    if (path.isEmpty()
        || path.startsWith("/")
        || path.contains("\0")
        || path.matches("^[A-Za-z]:.*")
        || ("/" + path + "/").contains("/../")) {
      throw new PackageException("entry \"" + name + "\" points outside the package: refused");
    }
    return path;
  }

  private static byte[] readLimited(InputStream in, long limit, String path)
      throws IOException, PackageException {
    var out = new ByteArrayOutputStream();
    byte[] buffer = new byte[65536];
    int n;
    long total = 0;
    while ((n = in.read(buffer)) > 0) {
      total += n;
      if (total > limit) {
        throw new PackageException(
            "the package is larger than "
                + (MAX_BYTES >> 20)
                + " MiB uncompressed (at "
                + path
                + ")");
      }
      out.write(buffer, 0, n);
    }
    return out.toByteArray();
  }

  private static boolean readBlock(InputStream in, byte[] block) throws IOException {
    int off = 0;
    while (off < block.length) {
      int n = in.read(block, off, block.length - off);
      if (n < 0) {
        if (off == 0) {
          return false;
        }
        throw new IOException("truncated tar header");
      }
      off += n;
    }
    return true;
  }

  private static void readFully(InputStream in, byte[] buffer) throws IOException {
    int off = 0;
    while (off < buffer.length) {
      int n = in.read(buffer, off, buffer.length - off);
      if (n < 0) {
        throw new IOException("truncated tar entry");
      }
      off += n;
    }
  }

  private static void skip(InputStream in, long count) throws IOException {
    long left = count;
    while (left > 0) {
      long n = in.skip(left);
      if (n <= 0) {
        if (in.read() < 0) {
          return;
        }
        n = 1;
      }
      left -= n;
    }
  }

  private static boolean isZero(byte[] block) {
    for (byte b : block) {
      if (b != 0) {
        return false;
      }
    }
    return true;
  }

  private static String headerName(byte[] header) {
    String name = cString(header, 0, 100);
    String magic = cString(header, 257, 6);
    if (magic.startsWith("ustar")) {
      String prefix = cString(header, 345, 155);
      if (!prefix.isEmpty()) {
        return prefix + "/" + name;
      }
    }
    return name;
  }

  private static String paxPath(byte[] content) {
    for (String line : new String(content, StandardCharsets.UTF_8).split("\n")) {
      int space = line.indexOf(' ');
      if (space > 0 && line.substring(space + 1).startsWith("path=")) {
        return line.substring(space + 1 + 5);
      }
    }
    return null;
  }

  private static long octal(byte[] header, int offset, int length) throws IOException {
    String text = cString(header, offset, length).trim();
    if (text.isEmpty()) {
      return 0;
    }
    try {
      return Long.parseLong(text, 8);
    } catch (NumberFormatException e) {
      throw new IOException("bad tar size field \"" + text + "\"");
    }
  }

  private static String cString(byte[] bytes, int offset, int length) {
    int end = offset;
    while (end < offset + length && end < bytes.length && bytes[end] != 0) {
      end++;
    }
    return new String(bytes, offset, end - offset, StandardCharsets.UTF_8);
  }
}
