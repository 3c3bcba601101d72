package io.coffer.bench;

import java.io.PrintStream;

/** One status line on stderr, rewritten in place with a carriage return. */
final class ProgressLine {
  private final PrintStream out;
  private int shownLength;

  ProgressLine(PrintStream out) {
    this.out = out;
  }

  synchronized void show(String text) {
    StringBuilder line = new StringBuilder("\r").append(text);
    for (int i = text.length(); i < shownLength; i++) {
      line.append(' ');
    }
    shownLength = text.length();
    out.print(line);
    out.flush();
  }

  synchronized void clear() {
    show("");
    out.print('\r');
    out.flush();
  }
}
