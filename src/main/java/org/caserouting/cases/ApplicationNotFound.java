package org.caserouting.cases;

import java.util.Map;
import org.caserouting.platform.ApiProblem;
import org.springframework.http.HttpStatus;

/** No application has the number asked for. */
public final class ApplicationNotFound extends ApiProblem {
  public ApplicationNotFound(String applicationNo) {
    super(HttpStatus.NOT_FOUND, "application-not-found", "Application not found",
        "No application has the number '" + applicationNo + "'.", Map.of());
  }
}
