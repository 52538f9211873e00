package io.yamano.server;

import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Spec;

/** {@code yamano version} and {@code yamano completion}. */
final class VersionCommand {
  static final String VERSION = "Yamano 0.1.0";

  private VersionCommand() {}

  @Command(name = "version", mixinStandardHelpOptions = true, description = "Print the version.")
  static final class Version implements Callable<Integer> {
    @Override
    public Integer call() {
      System.out.println(VERSION);
      System.out.println(
          "Java " + Runtime.version() + " (" + System.getProperty("java.vendor") + ")");
      return ExitCodes.OK;
    }
  }

  @Command(
      name = "completion",
      mixinStandardHelpOptions = true,
      description = {
        "Print a bash/zsh completion script for yamano:",
        "  source <(yamano completion)"
      })
  static final class Completion implements Callable<Integer> {
    @Spec CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() {
      System.out.print(picocli.AutoComplete.bash("yamano", spec.root().commandLine()));
      return ExitCodes.OK;
    }
  }
}
