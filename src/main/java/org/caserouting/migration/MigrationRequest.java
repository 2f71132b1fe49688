package org.caserouting.migration;

import java.util.ArrayList;
import java.util.List;
import org.caserouting.platform.InvalidField;

/**
 * What a process owner asks to migrate: one or more levels, the calling process first, then the
 * processes it calls, each migrated after the one above it. A level names a process key, the
 * version its cases run now and the version they move to; activities keep their place by id, and
 * {@code mappings} move the cases waiting at a renamed or removed activity.
 *
 * @param reason why, for the approver and the cases' record
 * @param applicationNos only these cases (a pilot, or one case on purpose); every running case of
 *     the source version when empty
 */
public record MigrationRequest(List<Level> levels, String reason, List<String> applicationNos) {

  static final int MAX_LEVELS = 5;
  static final int MAX_CASES = 1000;

  public MigrationRequest {
    applicationNos = applicationNos == null ? List.of() : List.copyOf(applicationNos);
  }

  /** Whether the case with this number is one the request covers. */
  boolean covers(String applicationNo) {
    return applicationNos.isEmpty() || applicationNos.contains(applicationNo);
  }

  public record Level(String processKey, Integer sourceVersion, Integer targetVersion, List<Mapping> mappings) {

    public Level {
      mappings = mappings == null ? List.of() : List.copyOf(mappings);
    }
  }

  /** Cases waiting at activity {@code from} of the source wait at {@code to} of the target. */
  public record Mapping(String from, String to) {}

  /** What is missing or malformed, each by its path; empty when the request can be planned. */
  List<InvalidField> problems(boolean needsReason) {
    List<InvalidField> problems = new ArrayList<>();
    if (levels == null || levels.isEmpty()) {
      problems.add(new InvalidField("levels", "至少一層 at least one level is required"));
      return problems;
    }
    if (levels.size() > MAX_LEVELS) {
      problems.add(new InvalidField("levels", "至多 " + MAX_LEVELS + " 層 at most " + MAX_LEVELS + " levels"));
    }
    if (needsReason && (reason == null || reason.isBlank() || reason.length() > 500)) {
      problems.add(new InvalidField("reason", "須說明理由（500 字內） a reason of at most 500 characters is required"));
    }
    if (applicationNos.size() > MAX_CASES || applicationNos.stream().anyMatch(no -> no == null || no.isBlank())) {
      problems.add(new InvalidField("applicationNos", "至多 " + MAX_CASES + " 個案號，不得空白 at most " + MAX_CASES
          + " application numbers, none blank"));
    }
    for (int i = 0; i < levels.size(); i++) {
      Level level = levels.get(i);
      String at = "levels[" + i + "]";
      if (level == null) {
        problems.add(new InvalidField(at, "不得為空 must not be null"));
        continue;
      }
      if (level.processKey() == null || level.processKey().isBlank()) {
        problems.add(new InvalidField(at + ".processKey", "必填 is required"));
      }
      if (level.sourceVersion() == null || level.sourceVersion() < 1) {
        problems.add(new InvalidField(at + ".sourceVersion", "須為正整數 must be a positive version"));
      }
      if (level.targetVersion() == null || level.targetVersion() < 1) {
        problems.add(new InvalidField(at + ".targetVersion", "須為正整數 must be a positive version"));
      }
      for (int m = 0; m < level.mappings().size(); m++) {
        Mapping mapping = level.mappings().get(m);
        if (mapping == null || mapping.from() == null || mapping.from().isBlank() || mapping.to() == null || mapping.to().isBlank()) {
          problems.add(new InvalidField(at + ".mappings[" + m + "]", "須有 from 與 to needs both from and to"));
        }
      }
    }
    return problems;
  }
}
