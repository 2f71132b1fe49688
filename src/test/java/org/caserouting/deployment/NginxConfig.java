package org.caserouting.deployment;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;

/**
 * Runs docker/nginx.conf outside Docker: the service names, which only Compose resolves, replaced by
 * local addresses, inside the http block the nginx image would put it in. Without nginx installed
 * the check is skipped, unless CASEROUTING_NGINX_CHECK=required (as in CI) makes that a failure.
 */
public final class NginxConfig {

  public record Result(int exitCode, String output) {}

  private NginxConfig() {}

  /** nginx -t on the site, the nodes at 127.0.0.1:18081 and :18082. */
  static Result test(Path site) throws IOException, InterruptedException {
    Path dir = prepare(site, Map.of("node-1:8080", "127.0.0.1:18081", "node-2:8080", "127.0.0.1:18082"), 80);
    Process nginx = new ProcessBuilder(binary(), "-t", "-p", dir.toString(), "-e", dir.resolve("error.log").toString(),
        "-c", dir.resolve("nginx.conf").toString()).redirectErrorStream(true).start();
    String output = new String(nginx.getInputStream().readAllBytes());
    return new Result(nginx.waitFor(), output);
  }

  /** nginx itself, in the foreground, in front of these local nodes, listening on this port. */
  public static Process start(Path site, Map<String, String> nodes, int port) throws IOException {
    Path dir = prepare(site, nodes, port);
    return new ProcessBuilder(binary(), "-p", dir.toString(), "-e", dir.resolve("error.log").toString(),
        "-c", dir.resolve("nginx.conf").toString(), "-g", "daemon off;")
        .redirectErrorStream(true).redirectOutput(dir.resolve("nginx.out").toFile()).start();
  }

  /** Whether this machine has nginx (else the caller skips, or fails when it is required). */
  public static boolean available() {
    boolean present = Files.isExecutable(Path.of("/usr/sbin/nginx"));
    if (!present && "required".equals(System.getenv("CASEROUTING_NGINX_CHECK"))) {
      throw new AssertionError("nginx is required (CASEROUTING_NGINX_CHECK=required) but /usr/sbin/nginx is missing");
    }
    return present;
  }

  private static String binary() {
    Assumptions.assumeTrue(available(), "nginx is not installed (apt-get install nginx-light)");
    return "/usr/sbin/nginx";
  }

  private static Path prepare(Path site, Map<String, String> nodes, int port) throws IOException {
    // Readable by nginx's workers, which drop to an unprivileged user when started as root.
    Path dir = Files.createTempDirectory("nginx-", PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rwxr-xr-x")));
    String config = Files.readString(site).replace("listen 80;", "listen 127.0.0.1:" + port + ";");
    for (Map.Entry<String, String> node : nodes.entrySet()) {
      config = config.replace(node.getKey(), node.getValue());
    }
    Files.writeString(dir.resolve("site.conf"), config);
    Files.writeString(dir.resolve("nginx.conf"), String.join("\n",
        "pid " + dir.resolve("nginx.pid") + ";",
        "events {}",
        "http {",
        "  access_log off;",
        "  client_body_temp_path " + dir.resolve("body") + ";",
        "  proxy_temp_path " + dir.resolve("proxy") + ";",
        "  include " + dir.resolve("site.conf") + ";",
        "}",
        ""));
    return dir;
  }
}
