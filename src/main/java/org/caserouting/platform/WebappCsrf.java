package org.caserouting.platform;

import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;

/**
 * The Camunda webapps' CSRF token of the signed-in session, which Tasklist sends with every change
 * it makes. Our staff pages, which take Tasklist's sign-in, put it in their forms and check it back.
 */
public final class WebappCsrf {

  private static final String SESSION_ATTRIBUTE = "CAMUNDA_CSRF_TOKEN";

  private WebappCsrf() {}

  /** The session's token, or null without a session. */
  public static String token(HttpServletRequest request) {
    var session = request.getSession(false);
    return session == null ? null : (String) session.getAttribute(SESSION_ATTRIBUTE);
  }

  /** Whether the form sent the session's token. */
  public static boolean matches(HttpServletRequest request, String sent) {
    String expected = token(request);
    return expected != null && sent != null
        && MessageDigest.isEqual(expected.getBytes(StandardCharsets.UTF_8), sent.getBytes(StandardCharsets.UTF_8));
  }
}
