package org.caserouting.meanstest;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.camunda.bpm.dmn.engine.DmnDecisionResultEntries;
import org.caserouting.platform.ApiProblem;
import org.caserouting.platform.DeployedDecisions;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/**
 * The low-income and middle-low-income means test (社會救助法 §4, §4-1), proposed to the clerk,
 * who decides. The household's figures are averaged as the law says (its total monthly income and
 * movable property shared by its counted members; its immovable property as a whole), and the
 * decision tables in dmn/ hold the rest: the thresholds of the municipality for the year of the
 * application's date, and each test of each level. This class only supplies inputs and reads
 * outputs.
 */
@Service
public class MeansTest {

  static final String THRESHOLDS = "meansTestThresholds";
  static final String TESTS = "meansTest";

  private final DeployedDecisions decisions;

  MeansTest(DeployedDecisions decisions) {
    this.decisions = decisions;
  }

  /** One counted member's figures, as the agencies gave them (or as the law imputes them). */
  public record Member(BigDecimal monthlyIncome, BigDecimal movableProperty, BigDecimal immovableProperty) {}

  /** The household's figures as the tests read them. */
  public record Averages(int countedMembers, BigDecimal incomePerPerson, BigDecimal movablePerPerson,
      BigDecimal immovableHousehold) {}

  /** One test of one level, met or not, with why and under which provision. */
  public record Finding(MeansTestLevel level, String test, boolean met, String reason, String basis) {}

  /**
   * What the system proposes: the level, the findings that explain it (every test of the level
   * reached; for a level missed, the tests it failed), all findings, and the figures and
   * thresholds they were reached from.
   */
  public record Proposal(MeansTestLevel level, List<Finding> reasons, List<Finding> findings, Averages averages,
      Thresholds thresholds) {}

  /** One person of the household as the breakdown shows them: counted or not, why, and their figures. */
  public record MemberLine(String initials, boolean counted, String basis, String note, Member figures) {}

  /** The proposal and the household it was reached from, person by person. */
  public record Reckoning(Proposal proposal, List<MemberLine> members) {}

  /** Figures missing for counted members: never taken as zero; each is asked of its agency. */
  public static final class MissingFigures extends ApiProblem {
    MissingFigures(List<String> members) {
      super(HttpStatus.UNPROCESSABLE_ENTITY, "means-test-figures-missing", "Figures missing for counted members",
          "應計算人口 " + String.join("、", members) + " 之所得及財產資料尚缺，不以零計 The income and property of "
              + String.join(", ", members) + " are missing; they are asked for, never counted as zero.",
          Map.of("members", members));
    }
  }

  /** No thresholds were announced (or entered) for the municipality and year: no proposal, never a guess. */
  public static final class NoThresholds extends ApiProblem {
    NoThresholds(String municipality, int year) {
      super(HttpStatus.UNPROCESSABLE_ENTITY, "no-means-test-thresholds", "No thresholds for that year",
          "查無 " + municipality + " " + year + " 年度之最低生活費及財產限額，請流程負責人依公告新增"
              + " No thresholds of " + municipality + " for " + year + ": a process owner adds the year's row from the"
              + " announcement (docs/process-owners.md).",
          Map.of("municipality", municipality, "year", year));
    }
  }

  public Thresholds thresholds(String municipality, LocalDate applicationDate) {
    int year = applicationDate.getYear();
    DmnDecisionResult result = decisions.evaluate(THRESHOLDS, Map.of("municipality", municipality, "year", year));
    if (result.isEmpty()) {
      throw new NoThresholds(municipality, year);
    }
    Map<String, Object> row = result.getSingleResult().getEntryMap();
    return new Thresholds(municipality, year, money(row, "minimumLivingExpense"), money(row, "middleLowIncomeLine"),
        money(row, "lowIncomeMovablePerPerson"), money(row, "lowIncomeImmovablePerHousehold"),
        money(row, "middleLowMovablePerPerson"), money(row, "middleLowImmovablePerHousehold"), money(row, "basicWage"),
        Boolean.TRUE.equals(row.get("demoData")), (String) row.get("source"));
  }

  /** The proposal for a household of counted members, for an application of this date in this municipality. */
  public Proposal propose(String municipality, LocalDate applicationDate, List<Member> counted) {
    if (counted.isEmpty()) {
      throw new IllegalArgumentException("a household counts at least the applicant");
    }
    Thresholds thresholds = thresholds(municipality, applicationDate);
    Averages averages = averages(counted);
    Map<String, Object> inputs = new HashMap<>();
    inputs.put("incomePerPerson", averages.incomePerPerson());
    inputs.put("movablePerPerson", averages.movablePerPerson());
    inputs.put("immovableHousehold", averages.immovableHousehold());
    inputs.put("minimumLivingExpense", thresholds.minimumLivingExpense());
    inputs.put("middleLowIncomeLine", thresholds.middleLowIncomeLine());
    inputs.put("lowIncomeMovablePerPerson", thresholds.lowIncomeMovablePerPerson());
    inputs.put("lowIncomeImmovablePerHousehold", thresholds.lowIncomeImmovablePerHousehold());
    inputs.put("middleLowMovablePerPerson", thresholds.middleLowMovablePerPerson());
    inputs.put("middleLowImmovablePerHousehold", thresholds.middleLowImmovablePerHousehold());
    List<Finding> findings = decisions.evaluate(TESTS, inputs).stream().map(MeansTest::finding).toList();
    // A level is reached when every one of its tests is met (§4 I and §4-1 I each ask for all three).
    MeansTestLevel level = allMet(findings, MeansTestLevel.LOW_INCOME) ? MeansTestLevel.LOW_INCOME
        : allMet(findings, MeansTestLevel.MIDDLE_LOW_INCOME) ? MeansTestLevel.MIDDLE_LOW_INCOME
        : MeansTestLevel.NOT_ELIGIBLE;
    List<Finding> reasons = switch (level) {
      case LOW_INCOME -> findings.stream().filter(f -> f.level() == MeansTestLevel.LOW_INCOME).toList();
      case MIDDLE_LOW_INCOME -> findings.stream().filter(f -> f.level() == MeansTestLevel.MIDDLE_LOW_INCOME
          || !f.met() && f.level() == MeansTestLevel.LOW_INCOME).toList();
      case NOT_ELIGIBLE -> findings.stream().filter(f -> !f.met() && f.level() == MeansTestLevel.MIDDLE_LOW_INCOME).toList();
    };
    return new Proposal(level, reasons, findings, averages, thresholds);
  }

  /**
   * The proposal for a household reckoned by {@link Household}, from each person's figures by
   * national ID: only the counted persons' figures are averaged; those left out are shown with
   * why, and their figures, if any, are not used.
   */
  public Reckoning reckon(String municipality, LocalDate applicationDate, List<Household.Reckoned> household,
      Map<String, Member> figuresByNationalId) {
    List<String> missing = household.stream()
        .filter(person -> person.counted() && !figuresByNationalId.containsKey(person.person().nationalId()))
        .map(Household.Reckoned::initials).toList();
    if (!missing.isEmpty()) {
      throw new MissingFigures(missing);
    }
    List<Member> counted = household.stream().filter(Household.Reckoned::counted)
        .map(person -> figuresByNationalId.get(person.person().nationalId())).toList();
    List<MemberLine> members = household.stream()
        .map(person -> new MemberLine(person.initials(), person.counted(), person.basis(), person.note(),
            person.counted() ? figuresByNationalId.get(person.person().nationalId()) : null))
        .toList();
    return new Reckoning(propose(municipality, applicationDate, counted), members);
  }

  static Averages averages(List<Member> counted) {
    BigDecimal members = BigDecimal.valueOf(counted.size());
    BigDecimal income = counted.stream().map(Member::monthlyIncome).reduce(BigDecimal.ZERO, BigDecimal::add);
    BigDecimal movable = counted.stream().map(Member::movableProperty).reduce(BigDecimal.ZERO, BigDecimal::add);
    BigDecimal immovable = counted.stream().map(Member::immovableProperty).reduce(BigDecimal.ZERO, BigDecimal::add);
    return new Averages(counted.size(), income.divide(members, 2, RoundingMode.HALF_UP),
        movable.divide(members, 2, RoundingMode.HALF_UP), immovable);
  }

  private static boolean allMet(List<Finding> findings, MeansTestLevel level) {
    List<Finding> tests = findings.stream().filter(f -> f.level() == level).toList();
    return !tests.isEmpty() && tests.stream().allMatch(Finding::met);
  }

  private static Finding finding(DmnDecisionResultEntries row) {
    return new Finding(MeansTestLevel.valueOf(row.getEntry("level")), row.getEntry("test"),
        Boolean.TRUE.equals(row.getEntry("met")), row.getEntry("reason"), row.getEntry("basis"));
  }

  private static BigDecimal money(Map<String, Object> row, String name) {
    return new BigDecimal(String.valueOf(row.get(name))).stripTrailingZeros();
  }
}
