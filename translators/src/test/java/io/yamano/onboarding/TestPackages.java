package io.yamano.onboarding;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;

/** Builds package archives in memory, as operators' tools do. */
final class TestPackages {
  private TestPackages() {}

  static byte[] zip(Map<String, byte[]> files) throws Exception {
    var out = new ByteArrayOutputStream();
    try (var zip = new ZipOutputStream(out)) {
      for (var file : files.entrySet()) {
        zip.putNextEntry(new ZipEntry(file.getKey()));
        zip.write(file.getValue());
        zip.closeEntry();
      }
    }
    return out.toByteArray();
  }

  /** A ustar archive of {@code top/<path>} entries, gzip-compressed (what OSM's tools write). */
  static byte[] tarGz(String top, Map<String, byte[]> files) throws Exception {
    var out = new ByteArrayOutputStream();
    try (var gzip = new GZIPOutputStream(out)) {
      for (var file : files.entrySet()) {
        byte[] header = new byte[512];
        put(header, 0, top + "/" + file.getKey());
        put(header, 100, "0000644");
        put(header, 108, "0000000");
        put(header, 116, "0000000");
        put(header, 124, String.format("%011o", file.getValue().length));
        put(header, 136, String.format("%011o", 0));
        header[156] = '0';
        put(header, 257, "ustar");
        put(header, 263, "00");
        for (int i = 148; i < 156; i++) {
          header[i] = ' ';
        }
        int sum = 0;
        for (byte b : header) {
          sum += b & 0xff;
        }
        put(header, 148, String.format("%06o", sum));
        header[154] = 0;
        gzip.write(header);
        gzip.write(file.getValue());
        gzip.write(new byte[(512 - file.getValue().length % 512) % 512]);
      }
      gzip.write(new byte[1024]);
    }
    return out.toByteArray();
  }

  private static void put(byte[] header, int offset, String text) {
    byte[] bytes = text.getBytes(StandardCharsets.US_ASCII);
    System.arraycopy(bytes, 0, header, offset, bytes.length);
  }

  /** Every file under {@code dir}, by its path relative to it. */
  static Map<String, byte[]> tree(Path dir) throws Exception {
    var files = new LinkedHashMap<String, byte[]>();
    try (Stream<Path> walk = Files.walk(dir)) {
      for (var path : walk.filter(Files::isRegularFile).sorted().toList()) {
        files.put(dir.relativize(path).toString().replace('\\', '/'), Files.readAllBytes(path));
      }
    }
    return files;
  }

  static String hex(String algorithm, byte[] content) throws Exception {
    return HexFormat.of().formatHex(MessageDigest.getInstance(algorithm).digest(content));
  }
}
