package io.yamano.yang.registry;

import io.yamano.yang.registry.ModuleSource.Origin;
import java.io.IOException;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;

/** Reads every {@code .yang} file under an operator's model directory, recursively. */
final class DirectoryModules {
  private DirectoryModules() {}

  /**
   * @param problems receives unreadable directories and files
   * @return the sources, in path order
   */
  static List<ParsedSource> read(Path directory, List<ModelProblem> problems) {
    if (!Files.isDirectory(directory)) {
      problems.add(
          new ModelProblem(
              SourceLocation.of(directory.toString()), "model directory does not exist"));
      return List.of();
    }
    List<Path> files;
    try (Stream<Path> walk = Files.walk(directory)) {
      files =
          walk.filter(Files::isRegularFile)
              .filter(p -> p.getFileName().toString().endsWith(".yang"))
              .sorted()
              .toList();
    } catch (IOException e) {
      problems.add(
          new ModelProblem(
              SourceLocation.of(directory.toString()), "cannot list directory: " + e.getMessage()));
      return List.of();
    }
    return files.stream().map(file -> readFile(file, problems)).filter(s -> s != null).toList();
  }

  private static ParsedSource readFile(Path file, List<ModelProblem> problems) {
    try {
      return ParsedSource.parse(
          file.toString(), Origin.USER, Files.readString(file, StandardCharsets.UTF_8));
    } catch (CharacterCodingException e) {
      problems.add(new ModelProblem(SourceLocation.of(file.toString()), "not UTF-8 text"));
    } catch (IOException e) {
      problems.add(
          new ModelProblem(SourceLocation.of(file.toString()), "cannot read: " + e.getMessage()));
    }
    return null;
  }
}
