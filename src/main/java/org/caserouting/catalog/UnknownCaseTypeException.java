package org.caserouting.catalog;

import java.util.Map;
import org.caserouting.platform.ApiProblem;
import org.springframework.http.HttpStatus;

public class UnknownCaseTypeException extends ApiProblem {

  public UnknownCaseTypeException(String code) {
    super(HttpStatus.NOT_FOUND, "case-type-not-found", "Application type not found",
        "No application type has the code '" + code + "'.", Map.of("caseTypeCode", code));
  }
}
