package org.caserouting.support;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.junit.jupiter.api.parallel.ResourceLock;
import org.springframework.boot.test.autoconfigure.actuate.observability.AutoConfigureObservability;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.context.annotation.Import;
import org.springframework.test.context.ActiveProfiles;
import org.springframework.test.context.ContextConfiguration;

/**
 * The whole service on a real port and a real PostgreSQL. Every test class with this annotation
 * shares one Spring context (and engine); they take turns, while tests without Spring run beside
 * them. Tests keep to their own applications, so they need no clean-up between them.
 */
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
@AutoConfigureObservability(tracing = false)
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@ActiveProfiles("test")
@ContextConfiguration(initializers = EmbeddedPostgresInitializer.class)
@Import(StatementCount.Counting.class)
@ResourceLock(CaseRouterTest.SPRING_CONTEXT)
public @interface CaseRouterTest {

  /** Spring tests take turns: they share the engine's clock, which scenario tests move. */
  String SPRING_CONTEXT = "case-router-context";
}
