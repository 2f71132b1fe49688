package org.caserouting.drills;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A drill's figures, printed and kept under target/drills/ so that docs/reliability.md can quote a
 * run: requests made, failures by kind, and the one figure that must be zero, cases lost.
 */
final class DrillReport {

  private final String drill;
  private final Map<String, Object> figures = new LinkedHashMap<>();

  DrillReport(String drill) {
    this.drill = drill;
  }

  DrillReport put(String figure, Object value) {
    figures.put(figure, value);
    return this;
  }

  void write() {
    StringBuilder text = new StringBuilder("Drill: " + drill + "\n");
    figures.forEach((figure, value) -> text.append("  ").append(figure).append(": ").append(value).append('\n'));
    System.out.print(text);
    try {
      Path dir = Files.createDirectories(Path.of("target", "drills"));
      Files.writeString(dir.resolve(drill.replaceAll("[^A-Za-z0-9]+", "-").toLowerCase() + ".txt"), text);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
