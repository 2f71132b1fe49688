package org.caserouting.support;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.Arrays;
import java.util.List;

/**
 * One real SMTP server (GreenMail) per test JVM, on a free port, that every Spring context of the
 * tests mails to. A test may stop it to see mail fail, and start it again.
 */
public final class MailServer {

  private static ServerSetup setup;
  private static GreenMail server;

  private MailServer() {}

  public static synchronized int port() {
    if (setup == null) {
      setup = new ServerSetup(freePort(), "127.0.0.1", ServerSetup.PROTOCOL_SMTP);
      start();
      Runtime.getRuntime().addShutdownHook(new Thread(MailServer::stop));
    }
    return setup.getPort();
  }

  public static synchronized void start() {
    if (server == null) {
      server = new GreenMail(setup);
      server.start();
    }
  }

  public static synchronized void stop() {
    if (server != null) {
      server.stop();
      server = null;
    }
  }

  /** The mails received so far for this recipient. */
  public static synchronized List<MimeMessage> to(String recipient) {
    return Arrays.stream(server.getReceivedMessages())
        .filter(message -> {
          try {
            return Arrays.stream(message.getAllRecipients()).anyMatch(to -> to.toString().equals(recipient));
          } catch (jakarta.mail.MessagingException e) {
            throw new IllegalStateException(e);
          }
        })
        .toList();
  }

  private static int freePort() {
    try (ServerSocket socket = new ServerSocket(0)) {
      socket.setReuseAddress(true);
      return socket.getLocalPort();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
