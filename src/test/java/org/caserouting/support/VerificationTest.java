package org.caserouting.support;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.core.WireMockConfiguration;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;

/**
 * The service with verification on, every agency service pointed at one WireMock server (real
 * HTTP) that tests stub, or set to proxy to the bundled simulator. A context, database and engine
 * of its own.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@AutoConfigureObservability(tracing = false)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@ContextConfiguration(initializers = VerificationTest.Agencies.class)
@ResourceLock(CaseRouterTest.SPRING_CONTEXT)
public @interface VerificationTest {

  /** The agencies' side, for the whole test JVM. */
  WireMockServer AGENCIES = Agencies.start();

  class Agencies extends EmbeddedPostgresInitializer {

    static WireMockServer start() {
      WireMockServer server = new WireMockServer(WireMockConfiguration.options().dynamicPort());
      server.start();
      Runtime.getRuntime().addShutdownHook(new Thread(server::stop));
      return server;
    }

    @Override
    protected String database() {
      return "case_router_verification";
    }

    @Override
    protected String engineName() {
      return "verification";
    }

    @Override
    public void initialize(ConfigurableApplicationContext context) {
      super.initialize(context);
      String base = "http://localhost:" + AGENCIES.port();
      TestPropertyValues.of(
              "caserouting.verification.enabled=true",
              "caserouting.verification.read-timeout=1s",
              "caserouting.verification.services.HOUSEHOLD.base-url=" + base,
              "caserouting.verification.services.LAND.base-url=" + base,
              "caserouting.verification.services.TAX.base-url=" + base,
              "caserouting.verification.services.BUSINESS.base-url=" + base,
              "caserouting.verification.services.WELFARE.base-url=" + base,
              "caserouting.verification.services.BUILDING.base-url=" + base,
              "caserouting.verification.services.STUDENT.base-url=" + base,
              "caserouting.verification.services.INSURANCE.base-url=" + base)
          .applyTo(context.getEnvironment());
    }
  }
}
