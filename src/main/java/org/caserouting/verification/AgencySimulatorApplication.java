package org.caserouting.verification;

import java.util.Map;
import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.ImportAutoConfiguration;
import org.springframework.boot.autoconfigure.http.HttpMessageConvertersAutoConfiguration;
import org.springframework.boot.autoconfigure.jackson.JacksonAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.DispatcherServletAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.ServletWebServerFactoryAutoConfiguration;
import org.springframework.boot.autoconfigure.web.servlet.WebMvcAutoConfiguration;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.annotation.Import;

/**
 * The agency simulator alone, as its own service (docker/compose.yaml), with no database and no
 * engine: what the agencies' security servers would be. The service nodes reach it through
 * {@code caserouting.simulator.url}. Port 8090 unless {@code --server.port} says otherwise. Not a
 * component, so the case router's own scan leaves it out.
 */
@ImportAutoConfiguration({
  ServletWebServerFactoryAutoConfiguration.class,
  DispatcherServletAutoConfiguration.class,
  WebMvcAutoConfiguration.class,
  HttpMessageConvertersAutoConfiguration.class,
  JacksonAutoConfiguration.class
})
@Import(AgencySimulator.class)
public class AgencySimulatorApplication {

  public static void main(String[] args) {
    start(args);
  }

  public static ConfigurableApplicationContext start(String... args) {
    SpringApplication simulator = new SpringApplication(AgencySimulatorApplication.class);
    // Its own name and defaults: application.yaml is the case router's, not read here.
    simulator.setDefaultProperties(Map.of(
        "spring.config.name", "agency-simulator",
        "server.port", "8090",
        "caserouting.simulator.enabled", "true"));
    return simulator.run(args);
  }
}
