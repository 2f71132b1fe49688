package org.caserouting.migration;

import java.util.List;
import java.util.Map;
import org.caserouting.platform.ApiProblem;
import org.caserouting.platform.InvalidField;
import org.springframework.http.HttpStatus;

/** What the migration of running cases refuses, and why. */
final class MigrationProblems {

  private MigrationProblems() {}

  static final class InvalidMigration extends ApiProblem {
    InvalidMigration(List<InvalidField> errors) {
      super(HttpStatus.BAD_REQUEST, "invalid-request", "Invalid request",
          "遷移申請有誤 The migration request has invalid fields.", Map.of("errors", errors));
    }
  }

  static final class PlanNotValid extends ApiProblem {
    PlanNotValid(List<InvalidField> errors) {
      super(HttpStatus.UNPROCESSABLE_ENTITY, "migration-plan-invalid", "The migration plan cannot be built",
          "流程引擎不接受此遷移對應 The engine refuses these mappings between the two versions.", Map.of("errors", errors));
    }
  }

  static final class NotAProcessOwner extends ApiProblem {
    NotAProcessOwner(String user) {
      super(HttpStatus.FORBIDDEN, "not-a-process-owner", "Only process owners and administrators migrate cases",
          "僅流程負責人與系統管理者可遷移執行中案件 User '" + user + "' may not migrate running cases.", Map.of());
    }
  }

  static final class NoSuchMigration extends ApiProblem {
    NoSuchMigration(long id) {
      super(HttpStatus.NOT_FOUND, "migration-not-found", "No such migration",
          "查無此遷移 There is no migration " + id + ".", Map.of("id", id));
    }
  }

  static final class SecondPersonNeeded extends ApiProblem {
    SecondPersonNeeded(long id, String user) {
      super(HttpStatus.UNPROCESSABLE_ENTITY, "second-person-needed", "A second person must approve",
          "遷移須由提出者以外之人核准 Migration " + id + " was proposed by '" + user + "'; another process owner or an"
              + " administrator must approve or refuse it.", Map.of("id", id));
    }
  }

  static final class AlreadyDecided extends ApiProblem {
    AlreadyDecided(long id, MigrationStatus status) {
      super(HttpStatus.CONFLICT, "migration-already-decided", "The migration is no longer awaiting approval",
          "此遷移已" + status.nameZh() + " Migration " + id + " is " + status.nameEn().toLowerCase(java.util.Locale.ROOT) + ".",
          Map.of("id", id, "status", status.name()));
    }
  }
}
