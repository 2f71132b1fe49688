package org.caserouting.assistance;

import java.util.Map;
import org.caserouting.platform.ApiProblem;
import org.springframework.http.HttpStatus;

/** The case's type has no means test. */
final class NoMeansTest extends ApiProblem {
  NoMeansTest(String applicationNo) {
    super(HttpStatus.NOT_FOUND, "no-means-test", "No means test for this case",
        "本案類別無社會救助審查 Application " + applicationNo + " is of a type without a means test.", Map.of());
  }
}
