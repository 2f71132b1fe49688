package org.caserouting;

import org.springframework.boot.SpringApplication;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.context.properties.ConfigurationPropertiesScan;

@SpringBootApplication
@ConfigurationPropertiesScan
public class CaseRouterApplication {

  public static void main(String[] args) {
    SpringApplication.run(CaseRouterApplication.class, args);
  }
}
