package io.coffer.cli;

import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code coffer} command. */
@Command(
    name = "coffer",
    mixinStandardHelpOptions = true,
    versionProvider = Version.class,
    description = "Coffer: a high-performance S3-compatible object store.",
    subcommands = {ServerCommand.class, BenchCommand.class, CommandLine.HelpCommand.class})
public final class Main implements Runnable {

  public static void main(String[] args) {
    int exit = new CommandLine(new Main()).execute(args);
    if (exit != 0) {
      System.exit(exit);
    }
  }

  @Override
  public void run() {
    new CommandLine(this).usage(System.out);
  }
}
