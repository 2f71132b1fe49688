package org.caserouting.operations;

import org.apache.catalina.Engine;
import org.apache.catalina.Lifecycle;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.embedded.tomcat.TomcatServletWebServerFactory;
import org.springframework.boot.web.server.WebServerFactoryCustomizer;
import org.springframework.stereotype.Component;

/**
 * With several nodes behind a proxy: each node's session ids end in its route (".node-1"), so the
 * proxy sends a signed-in Tasklist or Cockpit user back to the node that holds the session
 * (docker/nginx.conf). Set {@code caserouting.node.route} per node; unset, ids are plain.
 */
@Component
class NodeRoute implements WebServerFactoryCustomizer<TomcatServletWebServerFactory> {

  private final String route;

  NodeRoute(@Value("${caserouting.node.route:}") String route) {
    this.route = route;
  }

  @Override
  public void customize(TomcatServletWebServerFactory factory) {
    if (route.isBlank()) {
      return;
    }
    factory.addContextCustomizers(context -> context.addLifecycleListener(event -> {
      if (Lifecycle.BEFORE_START_EVENT.equals(event.getType()) && context.getParent().getParent() instanceof Engine engine) {
        engine.setJvmRoute(route);
      }
    }));
  }
}
