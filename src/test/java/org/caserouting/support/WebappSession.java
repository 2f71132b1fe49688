package org.caserouting.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.CookieManager;
import java.net.HttpCookie;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;

/**
 * A browser's session with one of the Camunda webapps (Tasklist, Cockpit, Admin), without the
 * browser: the same sign-in form, session cookie and CSRF token, then the same REST calls the
 * webapp makes under /camunda/api/engine.
 */
public final class WebappSession {

  private static final String CSRF_COOKIE = "XSRF-TOKEN";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final String base;
  private final CookieManager cookies = new CookieManager();
  private final HttpClient client;
  private final int signInStatus;

  private WebappSession(String base, String app, String user, String password, String engine) {
    this.base = base;
    this.client = HttpClient.newBuilder().cookieHandler(cookies).build();
    send(HttpRequest.newBuilder(URI.create(base + "/camunda/app/" + app + "/" + engine + "/")).GET());
    String form = "username=" + URLEncoder.encode(user, StandardCharsets.UTF_8)
        + "&password=" + URLEncoder.encode(password, StandardCharsets.UTF_8);
    this.signInStatus = send(withCsrf(HttpRequest.newBuilder(
            URI.create(base + "/camunda/api/admin/auth/user/" + engine + "/login/" + app)))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(form))).statusCode();
  }

  /** Signs in to the webapp {@code app} (tasklist, cockpit, admin) as a demo user. */
  public static WebappSession signIn(String base, String app, String user) {
    return new WebappSession(base, app, user, "demo", "default");
  }

  /** The same, to the engine of that name (a test context with an engine of its own). */
  public static WebappSession signIn(String base, String app, String user, String engine) {
    return new WebappSession(base, app, user, "demo", engine);
  }

  public boolean signedIn() {
    return signInStatus == 200;
  }

  public int signInStatus() {
    return signInStatus;
  }

  /** A call of the engine REST API as the webapp makes it, e.g. {@code /task?...}. */
  public Api.Response engineGet(String path) {
    return response(send(HttpRequest.newBuilder(URI.create(base + "/camunda/api/engine/engine/default" + path)).GET()));
  }

  public Api.Response enginePost(String path, String json) {
    return response(send(withCsrf(HttpRequest.newBuilder(URI.create(base + "/camunda/api/engine/engine/default" + path)))
        .header("Content-Type", "application/json")
        .POST(HttpRequest.BodyPublishers.ofString(json))));
  }

  public Api.Response enginePut(String path, String json) {
    return response(send(withCsrf(HttpRequest.newBuilder(URI.create(base + "/camunda/api/engine/engine/default" + path)))
        .header("Content-Type", "application/json")
        .PUT(HttpRequest.BodyPublishers.ofString(json))));
  }

  public Api.Response engineDelete(String path) {
    return response(send(withCsrf(HttpRequest.newBuilder(URI.create(base + "/camunda/api/engine/engine/default" + path)))
        .DELETE()));
  }

  /** A page of ours opened in the same browser session, such as a case file; redirects are not followed. */
  public Page open(String path) {
    return page(HttpRequest.newBuilder(URI.create(base + path)).GET().build());
  }

  /**
   * A form of one of our staff pages posted as the browser would: the fields given, and the hidden
   * fields of the page it was on (its CSRF token among them), unless given.
   */
  public Page submit(Page from, String path, java.util.Map<String, String> fields) {
    java.util.Map<String, String> all = new java.util.LinkedHashMap<>(fields);
    java.util.regex.Matcher hidden = java.util.regex.Pattern
        .compile("<input type=\"hidden\" name=\"(\\w+)\" value=\"([^\"]*)\">").matcher(from.text());
    while (hidden.find()) {
      all.putIfAbsent(hidden.group(1), hidden.group(2));
    }
    String form = all.entrySet().stream()
        .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
        .collect(java.util.stream.Collectors.joining("&"));
    return page(HttpRequest.newBuilder(URI.create(base + path))
        .header("Content-Type", "application/x-www-form-urlencoded")
        .POST(HttpRequest.BodyPublishers.ofString(form)).build());
  }

  /** The page the request answers in this session, its body as bytes. */
  private Page page(HttpRequest request) {
    try {
      HttpResponse<byte[]> response = client.send(request, HttpResponse.BodyHandlers.ofByteArray());
      return new Page(response.statusCode(), response.headers().firstValue("Content-Type").orElse(""),
          response.headers().firstValue("Location").orElse(null), response.body());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** What a page or document answered. */
  public record Page(int status, String contentType, String location, byte[] body) {
    public String text() {
      return new String(body, StandardCharsets.UTF_8);
    }
  }

  /** The same page without any session, as a browser that never signed in. */
  public static Page openWithoutSignIn(String base, String path) {
    return new WebappSession(base).open(path);
  }

  private WebappSession(String base) {
    this.base = base;
    this.client = HttpClient.newBuilder().cookieHandler(cookies).build();
    this.signInStatus = 0;
  }

  private HttpRequest.Builder withCsrf(HttpRequest.Builder request) {
    return cookies.getCookieStore().getCookies().stream()
        .filter(cookie -> cookie.getName().equals(CSRF_COOKIE))
        .map(HttpCookie::getValue)
        .findFirst()
        .map(token -> request.header("X-XSRF-TOKEN", token))
        .orElse(request);
  }

  private HttpResponse<String> send(HttpRequest.Builder request) {
    try {
      return client.send(request.build(), HttpResponse.BodyHandlers.ofString());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static Api.Response response(HttpResponse<String> response) {
    JsonNode body;
    try {
      body = response.body().isBlank() ? JSON.missingNode() : JSON.readTree(response.body());
    } catch (IOException notJson) {
      body = JSON.getNodeFactory().textNode(response.body());
    }
    org.springframework.http.HttpHeaders headers = new org.springframework.http.HttpHeaders();
    response.headers().map().forEach(headers::addAll);
    return new Api.Response(response.statusCode(), headers, body);
  }
}
