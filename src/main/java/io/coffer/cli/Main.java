package io.coffer.cli;

import io.coffer.server.StartupException;
import java.io.PrintWriter;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The {@code coffer} command. */
@Command(
    name = "coffer",
    mixinStandardHelpOptions = true,
    versionProvider = Version.class,
    description = "Coffer: a high-performance S3-compatible object store.",
    subcommands = {
      ServerCommand.class,
      BenchCommand.class,
      ResetApiKeyCommand.class,
      ResetAdminSecretCommand.class,
      MigrateCommand.class,
      CommandLine.HelpCommand.class
    })
public final class Main implements Runnable {

  public static void main(String[] args) {
    int exit = commandLine().execute(args);
    if (exit != 0) {
      System.exit(exit);
    }
  }

  /**
   * The command line with Coffer's failure handling: a usage error is one line and exit status 2
   * (picocli's), a failure the operator can fix ({@link StartupException}: a port in use, a locked
   * or unwritable data directory) one line and status 1; only a bug prints a stack trace.
   */
  static CommandLine commandLine() {
    CommandLine commandLine = new CommandLine(new Main());
    commandLine.setParameterExceptionHandler(
        (e, args) -> {
          CommandLine failed = e.getCommandLine();
          String name = failed.getCommandSpec().qualifiedName();
          PrintWriter err = failed.getErr();
          err.println(name + ": " + e.getMessage() + " (see '" + name + " --help')");
          err.flush();
          return failed.getCommandSpec().exitCodeOnInvalidInput();
        });
    CommandLine.IExecutionExceptionHandler bugs = commandLine.getExecutionExceptionHandler();
    commandLine.setExecutionExceptionHandler(
        (e, failed, parseResult) -> {
          if (e instanceof StartupException refused) {
            failed.getErr().println(refused.getMessage());
            failed.getErr().flush();
            return CommandLine.ExitCode.SOFTWARE;
          }
          if (bugs != null) {
            return bugs.handleExecutionException(e, failed, parseResult);
          }
          throw e;
        });
    return commandLine;
  }

  @Override
  public void run() {
    new CommandLine(this).usage(System.out);
  }
}
