package org.caserouting.platform;

import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;

/** A request with fields that are wrong, each named with what is wrong with it (400, problem+json). */
public class InvalidRequest extends ApiProblem {

  public InvalidRequest(String detail, List<InvalidField> errors) {
    super(HttpStatus.BAD_REQUEST, "invalid-request", "Invalid request", detail, Map.of("errors", errors));
  }
}
