package org.caserouting.meanstest;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.caserouting.platform.Refusal;

/**
 * The household whose income and property the means test counts (社會救助法 §5 I): the applicant;
 * the spouse and lineal relatives of the first degree, wherever they are registered; other lineal
 * relatives registered or living with the applicant; and anyone else who claims the applicant's
 * household as dependants on their income tax. A clerk may leave a counted person out on a ground
 * of §5 III, with a written reason.
 */
public final class Household {

  private static final String BASIS_APPLICANT = "社會救助法第5條第1項 Social Assistance Act §5(1): the applicant";
  private static final String BASIS_FIRST_DEGREE = "社會救助法第5條第1項第1、2款 §5(1)(i)-(ii): spouse, lineal relatives of the first degree";
  private static final String BASIS_OTHER_LINEAL = "社會救助法第5條第1項第3款 §5(1)(iii): other lineal relatives registered or living together";
  private static final String BASIS_DEPENDANT = "社會救助法第5條第1項第4款 §5(1)(iv): claims the household as dependants for income tax";
  private static final String BASIS_EXCLUDED = "社會救助法第5條第3項 Social Assistance Act §5(3)";

  private Household() {}

  /**
   * A person of the household registration (or a taxpayer who claims the household), as the
   * agencies know them. The birth date, when the registration gives it, decides working age (§5-3).
   */
  public record Person(String nationalId, String name, Relation relation, boolean sameRegistration, boolean livingTogether,
      boolean claimsAsDependants, LocalDate birthDate) {}

  /** A clerk's decision to leave a counted person out: the ground, the written reason, and who. */
  public record ClerkExclusion(Exclusion ground, String reason, String by) {}

  /** Each person, counted or not, and why: the legal basis, and for a person left out the clerk's reason. */
  public record Reckoned(Person person, boolean counted, String basis, String note) {

    /** The name as the applicant's page shows it: the surname, the rest hidden (王○○). */
    public String initials() {
      String name = person.name();
      return name == null || name.isEmpty() ? "○" : name.charAt(0) + "○".repeat(Math.max(1, name.length() - 1));
    }
  }

  /** The applicant and each related person, counted by §5 I, less those the clerk left out by §5 III. */
  public static List<Reckoned> reckon(Person applicant, List<Person> related, Map<String, ClerkExclusion> exclusions) {
    List<Reckoned> reckoned = new ArrayList<>();
    reckoned.add(new Reckoned(applicant, true, BASIS_APPLICANT, null));
    for (Person person : related) {
      String basis = basis(person);
      ClerkExclusion exclusion = exclusions.get(person.nationalId());
      if (basis == null) {
        reckoned.add(new Reckoned(person, false, null, "非應計算人口 Not of the household the Act counts"));
      } else if (exclusion != null) {
        if (exclusion.reason() == null || exclusion.reason().isBlank()) {
          throw new Refusal("不列入應計算人口須寫明理由：" + person.name() + " Leaving " + person.name()
              + " out of the household needs a written reason");
        }
        reckoned.add(new Reckoned(person, false, BASIS_EXCLUDED + "：" + exclusion.ground().label(),
            exclusion.reason() + "（" + exclusion.by() + "）"));
      } else {
        reckoned.add(new Reckoned(person, true, basis, null));
      }
    }
    return reckoned;
  }

  /**
   * Whether §5 I counts this related person at all (before any exclusion by the clerk): whose
   * income and property may be asked of the agencies, and no one else's.
   */
  public static boolean countedByLaw(Person person) {
    return basis(person) != null;
  }

  private static String basis(Person person) {
    if (person.relation().spouseOrFirstDegree()) {
      return BASIS_FIRST_DEGREE;
    }
    if (person.relation().otherLineal() && (person.sameRegistration() || person.livingTogether())) {
      return BASIS_OTHER_LINEAL;
    }
    if (person.claimsAsDependants()) {
      return BASIS_DEPENDANT;
    }
    return null;
  }
}
