package org.caserouting.meanstest;

import com.fasterxml.jackson.databind.JsonNode;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.time.Instant;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The agencies' answers read as the means test needs them: the household registration's persons,
 * and a person's income and property from the fiscal information (財稅資料). The shapes are those
 * of docs/means-test.md; an answer of another shape is no figure at all, never a zero.
 */
public final class AgencyRecords {

  private static final Map<String, FigureKind> INCOME = Map.of(
      "salary", FigureKind.WORK_INCOME, "interest", FigureKind.INTEREST, "rent", FigureKind.RENT);
  private static final Map<String, FigureKind> PROPERTY = Map.of(
      "deposits", FigureKind.DEPOSITS, "investments", FigureKind.INVESTMENTS, "land", FigureKind.LAND,
      "buildings", FigureKind.BUILDINGS);
  private static final BigDecimal MONTHS = BigDecimal.valueOf(12);

  private AgencyRecords() {}

  /**
   * The persons the household registration names besides the applicant: those in the applicant's
   * household ({@code members}) and the spouse and first-degree relatives registered elsewhere
   * ({@code relatives}).
   */
  public static List<Household.Person> related(JsonNode household, String applicantNationalId) {
    List<Household.Person> persons = new ArrayList<>();
    household.path("members").forEach(member -> person(member, true, applicantNationalId).ifPresent(persons::add));
    household.path("relatives").forEach(relative -> person(relative, false, applicantNationalId).ifPresent(persons::add));
    return persons;
  }

  /** The applicant's own line of the registration, for the birth date. */
  public static Optional<LocalDate> birthDateOf(JsonNode household, String nationalId) {
    for (JsonNode member : household.path("members")) {
      if (nationalId.equals(member.path("nationalId").asText())) {
        return birthDate(member);
      }
    }
    return Optional.empty();
  }

  /**
   * A person's figures from the fiscal information: each yearly income divided by 12, each
   * property at its value; empty when the answer has neither income nor property as we read them.
   */
  public static Optional<List<Figure>> taxFigures(JsonNode tax, String source, Instant at, Integer evidence) {
    JsonNode income = tax.path("income");
    JsonNode property = tax.path("property");
    if (!income.isObject() || !property.isObject()) {
      return Optional.empty();
    }
    List<Figure> figures = new ArrayList<>();
    INCOME.forEach((field, kind) -> {
      if (income.path(field).isNumber()) {
        BigDecimal yearly = income.path(field).decimalValue();
        figures.add(new Figure(kind, yearly.divide(MONTHS, 2, RoundingMode.HALF_UP), source, at, evidence,
            yearly.signum() == 0 ? null : "年 " + money(yearly) + " 元 ÷ 12 yearly, by month"));
      }
    });
    PROPERTY.forEach((field, kind) -> {
      if (property.path(field).isNumber()) {
        figures.add(new Figure(kind, property.path(field).decimalValue(), source, at, evidence, null));
      }
    });
    figures.sort(Comparator.comparing(Figure::kind));
    return Optional.of(figures);
  }

  /**
   * Work income from labour insurance: the insured monthly salary, for a person whose tax record
   * shows no salary (a job taken since the year it covers); empty when the answer has none.
   */
  public static Optional<Figure> insuredSalary(JsonNode insurance, String source, Instant at, Integer evidence) {
    JsonNode salary = insurance.path("insuredSalary");
    return salary.isNumber() && salary.decimalValue().signum() > 0
        ? Optional.of(new Figure(FigureKind.WORK_INCOME, salary.decimalValue(), source, at, evidence,
            "財稅資料查無薪資所得，依勞工保險投保薪資 No salary in the tax record: the insured salary"))
        : Optional.empty();
  }

  /** An amount as the pages and letters write it: 21,262.5. */
  public static String money(BigDecimal amount) {
    return new DecimalFormat("#,##0.##").format(amount);
  }

  private static Optional<Household.Person> person(JsonNode node, boolean sameRegistration, String applicantNationalId) {
    String nationalId = node.path("nationalId").asText(null);
    if (nationalId == null || nationalId.equals(applicantNationalId)) {
      return Optional.empty();
    }
    return Optional.of(new Household.Person(nationalId, node.path("name").asText(""),
        Relation.fromRegistry(node.path("relation").asText(null)), sameRegistration, sameRegistration, false,
        birthDate(node).orElse(null)));
  }

  private static Optional<LocalDate> birthDate(JsonNode node) {
    try {
      return node.hasNonNull("birthDate") ? Optional.of(LocalDate.parse(node.get("birthDate").asText())) : Optional.empty();
    } catch (DateTimeParseException unreadable) {
      return Optional.empty();
    }
  }
}
