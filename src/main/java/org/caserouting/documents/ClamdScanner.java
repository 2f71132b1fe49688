package org.caserouting.documents;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import org.springframework.stereotype.Component;

/**
 * ClamAV's daemon over TCP, with its INSTREAM command (clamd(8)): the bytes go in chunks, each
 * after its length, and clamd answers "stream: OK" or "stream: &lt;signature&gt; FOUND". A new
 * connection per file, so a daemon restarted by freshclam's reload is never half-used.
 */
@Component
class ClamdScanner implements MalwareScanner {

  private static final int CHUNK = 64 * 1024;

  private final DocumentProperties.Clamd clamd;

  ClamdScanner(DocumentProperties properties) {
    this.clamd = properties.clamd();
  }

  @Override
  public Verdict scan(byte[] content) {
    String reply;
    try (Socket socket = new Socket()) {
      int timeout = (int) clamd.timeout().toMillis();
      socket.connect(new InetSocketAddress(clamd.host(), clamd.port()), timeout);
      socket.setSoTimeout(timeout);
      OutputStream out = socket.getOutputStream();
      out.write("zINSTREAM\0".getBytes(StandardCharsets.US_ASCII));
      for (int offset = 0; offset < content.length; offset += CHUNK) {
        int length = Math.min(CHUNK, content.length - offset);
        out.write(ByteBuffer.allocate(4).putInt(length).array());
        out.write(content, offset, length);
      }
      out.write(new byte[4]); // a chunk of length zero ends the stream
      out.flush();
      reply = readReply(socket.getInputStream());
    } catch (IOException e) {
      throw new ScannerUnavailable("The malware scanner at " + clamd.host() + ":" + clamd.port() + " did not answer", e);
    }
    return verdictOf(reply);
  }

  private static Verdict verdictOf(String reply) {
    if (reply.endsWith(" OK")) {
      return Verdict.CLEAN;
    }
    if (reply.endsWith(" FOUND")) {
      return new Verdict(reply.substring(reply.indexOf(':') + 1, reply.length() - " FOUND".length()).trim());
    }
    // "INSTREAM size limit exceeded. ERROR", or a daemon in trouble: not a verdict.
    throw new ScannerUnavailable("The malware scanner answered: " + reply, null);
  }

  private static String readReply(InputStream in) throws IOException {
    ByteArrayOutputStream reply = new ByteArrayOutputStream();
    for (int b = in.read(); b > 0; b = in.read()) {
      reply.write(b);
    }
    return reply.toString(StandardCharsets.US_ASCII).trim();
  }
}
