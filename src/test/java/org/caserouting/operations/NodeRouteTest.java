package org.caserouting.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.Test;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServer;

/** The session id names the node, which is what docker/nginx.conf routes a signed-in user by. */
class NodeRouteTest {

  private static String sessionCookie(String route) throws Exception {
    TomcatServletWebServerFactory factory = new TomcatServletWebServerFactory(0);
    new NodeRoute(route).customize(factory);
    WebServer server = factory.getWebServer(context -> context.addServlet("session", new jakarta.servlet.http.HttpServlet() {
      @Override
      protected void doGet(jakarta.servlet.http.HttpServletRequest request, jakarta.servlet.http.HttpServletResponse response) {
        request.getSession(true);
      }
    }).addMapping("/"));
    server.start();
    try {
      HttpResponse<Void> answer = HttpClient.newHttpClient().send(
          HttpRequest.newBuilder(URI.create("http://localhost:" + server.getPort() + "/")).build(), HttpResponse.BodyHandlers.discarding());
      return answer.headers().firstValue("Set-Cookie").orElseThrow();
    } finally {
      server.stop();
    }
  }

  @Test
  void aNodesSessionIdsEndInItsRoute() throws Exception {
    assertThat(sessionCookie("node-1")).matches("JSESSIONID=[0-9A-F]+\\.node-1;.*");
  }

  @Test
  void withoutARouteSessionIdsArePlain() throws Exception {
    assertThat(sessionCookie("")).matches("JSESSIONID=[0-9A-F]+;.*");
  }
}
