package org.caserouting.support;

import org.springframework.beans.factory.support.DefaultSingletonBeanRegistry;
import org.springframework.boot.test.util.TestPropertyValues;
import org.springframework.context.ApplicationContextInitializer;
import org.springframework.context.ConfigurableApplicationContext;

/** Points the application at the embedded PostgreSQL server, the test mail server and the test clamd, before the context starts. */
public class EmbeddedPostgresInitializer implements ApplicationContextInitializer<ConfigurableApplicationContext> {

  private final String database;
  private final String engineName;

  /** The database and engine the test contexts of {@link CaseRouterTest} share. */
  public EmbeddedPostgresInitializer() {
    this("case_router", "default");
  }

  /** A database and engine of their own. Engines register by name in the JVM; the engine REST API serves the one named "default". */
  public EmbeddedPostgresInitializer(String database, String engineName) {
    this.database = database;
    this.engineName = engineName;
  }

  protected String database() {
    return database;
  }

  protected String engineName() {
    return engineName;
  }

  @Override
  public void initialize(ConfigurableApplicationContext context) {
    TestPropertyValues.of(
            "spring.datasource.url=" + EmbeddedPostgres.jdbcUrl(database()),
            "spring.datasource.username=postgres",
            "spring.datasource.password=postgres",
            "camunda.bpm.process-engine-name=" + engineName(),
            "spring.mail.host=127.0.0.1",
            "spring.mail.port=" + MailServer.port(),
            "caserouting.documents.clamd.host=127.0.0.1",
            "caserouting.documents.clamd.port=" + Clamd.port())
        .applyTo(context.getEnvironment());
    // Registered before any other bean, so destroyed after all of them: the server stops only
    // once this context has closed its pool and engine.
    EmbeddedPostgres.inUse();
    ((DefaultSingletonBeanRegistry) context.getBeanFactory())
        .registerDisposableBean("embeddedPostgresUser", EmbeddedPostgres::released);
  }
}
