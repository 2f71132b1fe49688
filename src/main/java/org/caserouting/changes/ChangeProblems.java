package org.caserouting.changes;

import java.util.List;
import java.util.Map;
import org.caserouting.platform.ApiProblem;
import org.caserouting.platform.InvalidField;
import org.springframework.http.HttpStatus;

/** What POST and GET /api/changes refuse, and why. */
final class ChangeProblems {

  private ChangeProblems() {}

  static final class ChangeNotFound extends ApiProblem {
    ChangeNotFound(String changeNo) {
      super(HttpStatus.NOT_FOUND, "change-not-found", "No such change", "There is no reported change " + changeNo + ".",
          Map.of("changeNo", changeNo));
    }
  }

  static final class InvalidChange extends ApiProblem {
    InvalidChange(List<InvalidField> errors) {
      super(HttpStatus.BAD_REQUEST, "invalid-request", "Invalid request", "The change report has invalid fields.",
          Map.of("errors", errors));
    }
  }

  static final class NotAtThisCounter extends ApiProblem {
    NotAtThisCounter(String user, String agency) {
      super(HttpStatus.FORBIDDEN, "not-at-this-counter", "Not allowed to report here",
          "User '" + user + "' is not staff of " + agency + ", the counter named as receiving the change.",
          Map.of("receivingAgency", agency));
    }
  }

  static final class NotYourChange extends ApiProblem {
    NotYourChange(String changeNo) {
      super(HttpStatus.FORBIDDEN, "not-your-change", "Not your change",
          "Change " + changeNo + " was neither reported at nor sent to your agency.", Map.of("changeNo", changeNo));
    }
  }
}
