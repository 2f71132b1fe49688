package org.caserouting.support;

import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.web.client.RestTemplateBuilder;
import org.springframework.http.client.JdkClientHttpRequestFactory;

/**
 * An HTTP client that sends each request once: the tests' default client quietly resends a 429
 * or 503 after its Retry-After, which a test of those answers must see.
 */
public final class PlainClient {

  private PlainClient() {}

  public static TestRestTemplate at(int port) {
    return new TestRestTemplate(new RestTemplateBuilder()
        .rootUri("http://localhost:" + port).requestFactory(JdkClientHttpRequestFactory.class));
  }
}
