package org.caserouting.deployment;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.lang.reflect.Modifier;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.yaml.snakeyaml.Yaml;

/**
 * docker/ checked without a Docker engine: the compose file read as Compose reads it, the
 * Dockerfile's stages and user, the example environment complete, and the proxy configuration
 * through {@code nginx -t} ({@link NginxConfig}).
 */
class DeploymentFilesTest {

  private static final Path DOCKER = Path.of("docker");

  @SuppressWarnings("unchecked")
  private static Map<String, Map<String, Object>> services() throws IOException {
    Map<String, Object> compose = new Yaml().load(Files.readString(DOCKER.resolve("compose.yaml")));
    return (Map<String, Map<String, Object>>) compose.get("services");
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Object value) {
    return (Map<String, Object>) value;
  }

  @Test
  void composeRunsTwoNodesBehindTheProxyWithTheDatabaseSimulatorScannerAndMailCatcher() throws IOException {
    Map<String, Map<String, Object>> services = services();

    assertThat(services).containsOnlyKeys("postgres", "node-1", "node-2", "proxy", "simulator", "clamd", "mailcatcher");
    assertThat(services.get("clamd").get("image").toString()).startsWith("clamav/clamav:");
    assertThat(services.get("postgres").get("image")).isEqualTo("postgres:16");
    // The planner setting the tests and benchmarks run with (support.EmbeddedPostgres).
    assertThat(String.valueOf(services.get("postgres").get("command"))).contains("random_page_cost=1.1");
    assertThat(services).allSatisfy((name, service) ->
        assertThat(map(service.get("healthcheck"))).as("%s has a health check", name).containsKey("test"));
    assertThat(services.get("proxy").get("ports")).isEqualTo(List.of("8080:80"));
    assertThat(services.get("proxy").get("volumes").toString()).contains("./nginx.conf:");
    assertThat(DOCKER.resolve("nginx.conf")).exists();
    for (String node : List.of("node-1", "node-2")) {
      Map<String, Object> service = services.get(node);
      Map<String, Object> environment = map(service.get("environment"));
      assertThat(service).as("%s is reached through the proxy only", node).doesNotContainKey("ports");
      assertThat(environment).containsEntry("SPRING_PROFILES_ACTIVE", "postgres").containsEntry("CASEROUTING_NODE_ROUTE", node);
      assertThat(environment.get("DB_URL").toString()).startsWith("jdbc:postgresql://postgres:5432/");
      assertThat(URI.create(environment.get("CASEROUTING_SIMULATOR_URL").toString()))
          .satisfies(url -> assertThat(services).containsKey(url.getHost()))
          .satisfies(url -> assertThat(url.getPort()).as("AgencySimulatorApplication's port").isEqualTo(8090));
      assertThat(map(service.get("healthcheck")).get("test").toString()).contains("/actuator/health/readiness");
      assertThat(environment).as("%s scans uploads with the clamd service", node)
          .containsEntry("CASEROUTING_DOCUMENTS_CLAMD_HOST", "clamd").containsEntry("CASEROUTING_DOCUMENTS_CLAMD_PORT", "3310");
    }
    assertThat(map(services.get("node-2").get("depends_on"))).as("one node creates the schemas first").containsKey("node-1");
  }

  @Test
  void theNodesTakeTheClientsAddressFromTheProxyAloneAndTheMachineKeysAsHashes() throws IOException {
    Map<String, Map<String, Object>> services = services();
    String proxy = map(map(services.get("proxy").get("networks")).get("default")).get("ipv4_address").toString();

    for (String node : List.of("node-1", "node-2")) {
      Map<String, Object> environment = map(services.get(node).get("environment"));
      Pattern trusted = Pattern.compile(environment.get("CASEROUTING_TRUSTED_PROXIES").toString());
      assertThat(trusted.matcher(proxy).matches()).as("%s trusts the proxy at %s", node, proxy).isTrue();
      assertThat(trusted.matcher("172.28.0.11").matches()).as("and no other address").isFalse();
      assertThat(environment).containsKeys("PORTAL_KEY_SHA256", "OPERATIONS_KEY_SHA256");
    }
    // Without the variable, only this machine is a proxy: no private network is trusted wholesale.
    String configured = new ObjectMapper(new YAMLFactory()).readTree(Path.of("src/main/resources/application.yaml").toFile())
        .path("server").path("tomcat").path("remoteip").path("internal-proxies").asText();
    Pattern byDefault = Pattern.compile(configured.substring(configured.indexOf(':') + 1, configured.length() - 1));
    assertThat(byDefault.matcher("127.0.0.1").matches()).isTrue();
    assertThat(byDefault.matcher("10.0.0.5").matches()).isFalse();
    assertThat(byDefault.matcher("192.168.1.20").matches()).isFalse();
  }

  @Test
  void everyServiceWaitsOnlyForServicesThatReportHealth() throws IOException {
    Map<String, Map<String, Object>> services = services();
    services.forEach((name, service) -> {
      if (service.get("depends_on") instanceof Map<?, ?> dependencies) {
        dependencies.forEach((dependency, condition) -> {
          assertThat(services).as("%s depends on %s", name, dependency).containsKey(dependency.toString());
          assertThat(map(condition)).containsEntry("condition", "service_healthy");
          assertThat(services.get(dependency.toString())).containsKey("healthcheck");
        });
      }
    });
  }

  @Test
  void theSimulatorRunsFromTheSameImageByAMainClassThatExists() throws Exception {
    @SuppressWarnings("unchecked")
    List<String> entrypoint = (List<String>) services().get("simulator").get("entrypoint");
    String mainClass = entrypoint.get(entrypoint.size() - 1);

    assertThat(entrypoint.get(0)).isEqualTo("java");
    assertThat(entrypoint).contains("BOOT-INF/classes:BOOT-INF/lib/*");
    assertThat(Modifier.isStatic(Class.forName(mainClass).getMethod("main", String[].class).getModifiers())).isTrue();
  }

  @Test
  void theExampleEnvironmentSetsEveryVariableComposeRequires() throws IOException {
    String compose = Files.readString(DOCKER.resolve("compose.yaml"));
    Set<String> required = new TreeSet<>();
    Matcher variable = Pattern.compile("\\$\\{([A-Z_]+):\\?").matcher(compose);
    while (variable.find()) {
      required.add(variable.group(1));
    }
    Set<String> example = new HashSet<>();
    for (String line : Files.readAllLines(DOCKER.resolve("example.env"), StandardCharsets.UTF_8)) {
      if (line.matches("[A-Z_]+=.*")) {
        example.add(line.substring(0, line.indexOf('=')));
      }
    }

    assertThat(required).isNotEmpty();
    assertThat(example).containsAll(required);
  }

  @Test
  void theImageIsBuiltInOneStageAndRunsAsAnUnprivilegedUserInLayers() throws IOException {
    List<String> lines = Files.readAllLines(DOCKER.resolve("Dockerfile"));
    List<String> stages = lines.stream().filter(line -> line.startsWith("FROM ")).toList();
    String user = lines.stream().filter(line -> line.startsWith("USER ")).reduce((first, last) -> last).orElseThrow();

    assertThat(stages).hasSize(2);
    assertThat(stages.get(1)).contains("-jre");
    assertThat(user.substring(5).strip()).isNotIn("root", "0");
    assertThat(String.join("\n", lines)).contains("extract --layers --launcher")
        .contains("org.springframework.boot.loader.launch.JarLauncher");
    String runtime = String.join("\n", lines.subList(lines.indexOf(stages.get(1)), lines.size()));
    assertThat(runtime).as("the font the decision letters are set in, where the letters look first")
        .contains("fonts-arphic-uming");
    assertThat(Files.readString(Path.of("src/main/java/org/caserouting/letters/LetterProperties.java")))
        .contains("@DefaultValue({\"/usr/share/fonts/truetype/arphic/uming.ttc#UMingTW\"");
    for (String line : lines) {
      if (line.startsWith("COPY ") && !line.contains("--from=")) {
        assertThat(Path.of(line.split("\\s+")[1])).as("copied into the build: %s", line).exists();
      }
    }
  }

  @Test
  void theProxyConfigurationPassesNginxTest() throws Exception {
    NginxConfig.Result result = NginxConfig.test(DOCKER.resolve("nginx.conf"));

    assertThat(result.exitCode()).as(result.output()).isZero();
    assertThat(result.output()).contains("test is successful");
  }
}
