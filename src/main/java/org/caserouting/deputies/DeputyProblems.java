package org.caserouting.deputies;

import java.util.List;
import java.util.Map;
import org.caserouting.platform.ApiProblem;
import org.caserouting.platform.InvalidField;
import org.springframework.http.HttpStatus;

/** What naming or ending an acting deputy refuses, and why. */
final class DeputyProblems {

  private DeputyProblems() {}

  static final class InvalidDeputy extends ApiProblem {
    InvalidDeputy(List<InvalidField> errors) {
      super(HttpStatus.BAD_REQUEST, "invalid-request", "Invalid request",
          "職務代理的申請有誤 The request naming a deputy has invalid fields.", Map.of("errors", errors));
    }
  }

  static final class DeputyNotAllowed extends ApiProblem {
    DeputyNotAllowed(List<InvalidField> errors) {
      super(HttpStatus.UNPROCESSABLE_ENTITY, "deputy-not-allowed", "This deputy cannot be named",
          "此職務代理不符規定 The deputy cannot act for this person in this period.", Map.of("errors", errors));
    }
  }

  static final class NotYourStaff extends ApiProblem {
    NotYourStaff(String user, String agency) {
      super(HttpStatus.FORBIDDEN, "not-your-staff", "Not allowed to name deputies here",
          "僅本機關科長、首長可指定職務代理人（首長之代理人由首長指定） User '" + user + "' may not name or end deputies at "
              + agency + ": its section chiefs may, for its clerks and chiefs, and its director for everyone.",
          Map.of("agency", agency));
    }
  }

  static final class NoSuchDeputy extends ApiProblem {
    NoSuchDeputy(long id) {
      super(HttpStatus.NOT_FOUND, "deputy-not-found", "No such acting deputy",
          "查無此職務代理 There is no acting deputy " + id + ".", Map.of("id", id));
    }
  }
}
