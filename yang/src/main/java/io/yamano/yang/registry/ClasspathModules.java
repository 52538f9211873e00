package io.yamano.yang.registry;

import io.yamano.yang.registry.ModuleSource.Origin;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.net.URLConnection;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * Finds the bundled modules: every {@code META-INF/yang/*.yang} resource in the jars and
 * directories of a class loader (Yamano's own modules and the IETF model jars).
 */
final class ClasspathModules {
  static final String FOLDER = "META-INF/yang";

  private ClasspathModules() {}

  static List<ParsedSource> read(ClassLoader loader) {
    List<ParsedSource> sources = new ArrayList<>();
    try {
      for (URL url : Collections.list(loader.getResources(FOLDER))) {
        if (url.getProtocol().equals("jar")) {
          readJar(url, sources);
        } else if (url.getProtocol().equals("file")) {
          readDirectory(Path.of(url.toURI()), sources);
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot list " + FOLDER + " on the classpath", e);
    } catch (URISyntaxException e) {
      throw new IllegalStateException("bad classpath entry", e);
    }
    return sources;
  }

  private static void readJar(URL folder, List<ParsedSource> sources) throws IOException {
    URLConnection connection = folder.openConnection();
    connection.setUseCaches(false);
    JarURLConnection jarConnection = (JarURLConnection) connection;
    String jarName = jarName(jarConnection.getJarFileURL().getPath());
    try (JarFile jar = jarConnection.getJarFile()) {
      Enumeration<JarEntry> entries = jar.entries();
      List<JarEntry> yang = new ArrayList<>();
      while (entries.hasMoreElements()) {
        JarEntry entry = entries.nextElement();
        if (!entry.isDirectory()
            && entry.getName().startsWith(FOLDER + "/")
            && entry.getName().endsWith(".yang")) {
          yang.add(entry);
        }
      }
      yang.sort((a, b) -> a.getName().compareTo(b.getName()));
      for (JarEntry entry : yang) {
        try (InputStream in = jar.getInputStream(entry)) {
          String text = new String(in.readAllBytes(), StandardCharsets.UTF_8);
          sources.add(ParsedSource.parse(jarName + "!/" + entry.getName(), Origin.BUNDLED, text));
        }
      }
    }
  }

  private static void readDirectory(Path folder, List<ParsedSource> sources) throws IOException {
    List<Path> files;
    try (Stream<Path> walk = Files.walk(folder)) {
      files =
          walk.filter(Files::isRegularFile)
              .filter(p -> p.getFileName().toString().endsWith(".yang"))
              .sorted()
              .toList();
    }
    for (Path file : files) {
      String text = Files.readString(file, StandardCharsets.UTF_8);
      sources.add(
          ParsedSource.parse(
              "classpath:" + FOLDER + "/" + folder.relativize(file).toString().replace('\\', '/'),
              Origin.BUNDLED,
              text));
    }
  }

  private static String jarName(String path) {
    return "classpath:" + path.substring(path.lastIndexOf('/') + 1);
  }
}
