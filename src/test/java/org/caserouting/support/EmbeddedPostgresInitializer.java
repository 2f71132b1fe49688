package org.caserouting.support;

import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/** Points the application at the embedded PostgreSQL server, before the context starts. */
public class EmbeddedPostgresInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

  @Override
  public void initialize(ConfigurableApplicationContext context) {
    TestPropertyValues.of(
            "spring.datasource.url=" + EmbeddedPostgres.jdbcUrl("case_router"),
            "spring.datasource.username=postgres",
            "spring.datasource.password=postgres")
        .applyTo(context.getEnvironment());
  }
}
