package org.caserouting.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import java.util.stream.Stream;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.repository.DeploymentBuilder;

/** Every model of the repository deployed together, as a release is; some of them edited on the way. */
public final class Release {

  private Release() {}

  /** A release with each named file ({@code sign-off.bpmn}) changed by its edit. */
  public static void of(ProcessEngine engine, Map<String, UnaryOperator<String>> edits) {
    DeploymentBuilder release = engine.getRepositoryService().createDeployment().name("release");
    for (String folder : List.of("processes", "dmn", "forms")) {
      try (Stream<Path> files = Files.list(Path.of(folder))) {
        for (Path file : files.filter(Files::isRegularFile).filter(f -> f.toString().matches(".*\\.(bpmn|dmn|form)$")).toList()) {
          String name = file.getFileName().toString();
          release.addString(name, edits.getOrDefault(name, UnaryOperator.identity()).apply(Files.readString(file)));
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    release.deploy();
  }

  /** The repository's models as they are: after a test's release, what the next tests start on. */
  public static void original(ProcessEngine engine) {
    of(engine, Map.of());
  }
}
