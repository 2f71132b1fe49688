package org.caserouting.support;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;

/**
 * One real ClamAV daemon (Debian's clamav-daemon) per test JVM, on a free port, that every Spring
 * context of the tests scans with. No signature data can be downloaded here, so it runs on one
 * signature made on the spot: the EICAR test file's, which every scanner knows by agreement. A
 * test may stop it to see uploads wait, and start it again.
 *
 * <p>Without clamd installed, the service is pointed at a port where nothing answers, and the tests
 * that upload files are skipped with a message ({@link #assumeInstalled()}), unless
 * CASEROUTING_CLAMD=required (as in CI), where they fail instead.
 */
public final class Clamd {

  /** The EICAR anti-malware test file: harmless, and recognised as malware by agreement. */
  public static final String EICAR = "X5O!P%@AP[4\\PZX54(P^)7CC)7}$EICAR-STANDARD-ANTIVIRUS-TEST-FILE!$H+H*";

  private static final List<Path> DAEMONS = List.of(Path.of("/usr/sbin/clamd"), Path.of("/usr/bin/clamd"));

  private static Path home;
  private static int port;
  private static Process daemon;

  private Clamd() {}

  /** Skips the calling test when clamd is not installed; fails it when CI requires clamd. */
  public static void assumeInstalled() {
    String message = "clamd is not installed: the upload tests scan with a real ClamAV daemon"
        + " (apt-get install clamav-daemon; .ci/run installs it)";
    if (installed().isEmpty() && "required".equals(System.getenv("CASEROUTING_CLAMD"))) {
      Assertions.fail(message + ". CASEROUTING_CLAMD=required, so they may not be skipped.");
    }
    Assumptions.assumeTrue(installed().isPresent(), message + ". Skipped.");
  }

  public static synchronized int port() {
    if (home == null && installed().isEmpty()) {
      // Nothing will answer here: uploads are refused as while a scanner is down.
      home = Path.of("no-clamd");
      port = freePort();
      return port;
    }
    if (home == null) {
      try {
        home = Files.createTempDirectory("clamd-test");
        Files.createDirectories(home.resolve("db"));
        byte[] eicar = EICAR.getBytes(StandardCharsets.US_ASCII);
        String md5 = HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(eicar));
        Files.writeString(home.resolve("db/eicar.hdb"), md5 + ":" + eicar.length + ":Eicar-Test-Signature\n");
        port = freePort();
        Files.writeString(home.resolve("clamd.conf"), String.join("\n",
            "Foreground yes",
            "DatabaseDirectory " + home.resolve("db"),
            "TCPSocket " + port,
            "TCPAddr 127.0.0.1",
            "LogFile " + home.resolve("clamd.log"),
            "StreamMaxLength 25M",
            ""));
      } catch (IOException | java.security.NoSuchAlgorithmException e) {
        throw new IllegalStateException("Could not prepare clamd for the tests", e);
      }
      start();
      Runtime.getRuntime().addShutdownHook(new Thread(Clamd::stop));
    }
    return port;
  }

  public static synchronized void start() {
    if (daemon != null) {
      return;
    }
    Path clamd = installed().orElseThrow(() -> new IllegalStateException("clamd is not installed"));
    try {
      daemon = new ProcessBuilder(clamd.toString(), "-c", home.resolve("clamd.conf").toString())
          .redirectErrorStream(true).redirectOutput(home.resolve("clamd.out").toFile()).start();
    } catch (IOException e) {
      throw new IllegalStateException("Could not start " + clamd, e);
    }
    Instant deadline = Instant.now().plus(Duration.ofSeconds(60));
    while (!answers()) {
      if (!daemon.isAlive() || Instant.now().isAfter(deadline)) {
        throw new IllegalStateException("clamd did not start; see " + home.resolve("clamd.out"));
      }
      sleep(100);
    }
  }

  public static synchronized void stop() {
    if (daemon != null) {
      daemon.destroy();
      try {
        daemon.waitFor();
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
      }
      daemon = null;
    }
  }

  private static java.util.Optional<Path> installed() {
    return DAEMONS.stream().filter(Files::isExecutable).findFirst();
  }

  private static int freePort() {
    try (ServerSocket free = new ServerSocket(0)) {
      return free.getLocalPort();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  private static boolean answers() {
    try (Socket socket = new Socket("127.0.0.1", port)) {
      OutputStream out = socket.getOutputStream();
      out.write("zPING\0".getBytes(StandardCharsets.US_ASCII));
      out.flush();
      InputStream in = socket.getInputStream();
      return new String(in.readNBytes(4), StandardCharsets.US_ASCII).equals("PONG");
    } catch (IOException e) {
      return false;
    }
  }

  private static void sleep(long millis) {
    try {
      Thread.sleep(millis);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
    }
  }
}
