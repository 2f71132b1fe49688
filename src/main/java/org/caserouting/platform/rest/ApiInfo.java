package org.caserouting.platform.rest;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** What the contract at /v3/api-docs says of itself, for the portal team reading it. */
@Configuration(proxyBeanMethods = false)
class ApiInfo {

  @Bean
  OpenAPI caseRouterApi() {
    return new OpenAPI().info(new Info()
        .title("跨機關案件分流 Cross-agency case router")
        .version("1")
        .description("""
            The city portal's API: the catalog of application types (each type's form as JSON Schema), \
            applications and their supplements, tracking, receipts, change reports (N合一), and the \
            supervisors' and oversight office's reports. Every call signs in (HTTP Basic, or a bearer \
            token in profile oidc) except the receipt check and the applicant's own timeline and letter. \
            Every refusal is an RFC 9457 problem (application/problem+json). An optional property \
            without a value is written as null, which means the same as absent."""));
  }
}
