package org.caserouting.assistance;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;
import org.caserouting.cases.Application;
import org.caserouting.cases.ApplicationRepository;
import org.caserouting.catalog.Agency;
import org.caserouting.catalog.CaseTypeRepository;
import org.caserouting.catalog.Catalog;
import org.caserouting.meanstest.AgencyRecords;
import org.caserouting.meanstest.Figure;
import org.caserouting.meanstest.FigureKind;
import org.caserouting.meanstest.Household;
import org.caserouting.meanstest.MeansTest;
import org.caserouting.meanstest.MeansTestLevel;
import org.caserouting.meanstest.Thresholds;
import org.caserouting.meanstest.WorkIncome;
import org.caserouting.platform.CalendarProperties;
import org.caserouting.signoff.DraftFacts;
import org.caserouting.verification.Verification;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The means test of one case, put together from what the agencies answered: the household from
 * the registration, each counted person's figures from the fiscal information (each with the
 * query that produced it), the basic wage where §5-1 imputes it, and the clerk's adjustments, each
 * with its reason. It shows both what the system proposed and what stands after the adjustments;
 * the latter goes under every signature of the case ({@link DraftFacts}).
 *
 * <p>A type has a means test when the catalog says so ({@code meansTest: true}); its verification
 * scope (dmn/verification-scope.dmn) then asks the registration for the household and the fiscal
 * information for each counted person's income and property, which the test is made of.
 */
@Service
public class CaseMeansTest implements DraftFacts {

  static final String HOUSEHOLD = "HOUSEHOLD";
  static final String TAX = "TAX";
  static final String INSURANCE = "INSURANCE";
  static final String CLERK_SET = "承辦人調整 Set by the clerk";

  private final ApplicationRepository applications;
  private final CaseTypeRepository caseTypes;
  private final Verification verification;
  private final MeansTest meansTest;
  private final Adjustments adjustments;
  private final Catalog catalog;
  private final MeansTestProperties properties;
  private final ZoneId zone;

  CaseMeansTest(ApplicationRepository applications, CaseTypeRepository caseTypes, Verification verification,
      MeansTest meansTest, Adjustments adjustments, Catalog catalog, MeansTestProperties properties,
      CalendarProperties calendar) {
    this.applications = applications;
    this.caseTypes = caseTypes;
    this.verification = verification;
    this.meansTest = meansTest;
    this.adjustments = adjustments;
    this.catalog = catalog;
    this.properties = properties;
    this.zone = calendar.zone();
  }

  /** What the test found, or could not yet find: the level, its reasons and averages, or whose figures are missing. */
  public record Outcome(MeansTestLevel level, String levelLabel, MeansTest.Averages averages,
      List<MeansTest.Finding> reasons, List<String> missing, String unavailable) {

    public boolean complete() {
      return level != null;
    }
  }

  /**
   * A person of the household as it stands: counted or not and why, their figures with sources,
   * and the totals the test read. {@code ref} is the national ID for staff; in the applicant's
   * view, a reference within the view only (P1, P2, ...).
   */
  public record PersonLine(String ref, String initials, String relation, boolean counted, String basis, String note,
      List<Figure> figures, MeansTest.Member totals, boolean missing) {}

  /** Which agency provided what, for the applicant to see: the service, the agency, the queries' numbers. */
  public record Source(String service, String agency, String what, List<Integer> evidence) {}

  /** The whole means test of a case. */
  public record View(String applicationNo, Thresholds thresholds, Outcome proposed, Outcome settled,
      List<PersonLine> people, List<Adjustment> adjustments, List<Source> sources) {

    public boolean adjusted() {
      return !adjustments.isEmpty();
    }
  }

  /** Whether the case's type is decided on the household's means (the catalog's {@code meansTest}). */
  private boolean applies(Application application) {
    return caseTypes.meansTestOf(application.getCaseTypeCode()).orElse(false);
  }

  /** The case's means test as it stands now; empty for a type without one. */
  @Transactional(readOnly = true)
  public Optional<View> view(String applicationNo) {
    Application application = applications.require(applicationNo);
    if (!applies(application)) {
      return Optional.empty();
    }
    LocalDate applied = application.getSubmittedAt().atZone(zone).toLocalDate();
    Thresholds thresholds;
    try {
      thresholds = meansTest.thresholds(properties.municipality(), applied);
    } catch (MeansTest.NoThresholds none) {
      // The year's row is not entered yet: the case goes on, and the clerk and the applicant read why there is no proposal.
      Outcome unavailable = new Outcome(null, null, null, List.of(), List.of(), none.getMessage());
      return Optional.of(new View(applicationNo, null, unavailable, unavailable, List.of(), adjustments.of(applicationNo),
          List.of()));
    }
    List<Verification.Kept> answers = verification.kept(applicationNo);
    Verification.Kept household = answers.stream().filter(answer -> HOUSEHOLD.equals(answer.service()))
        .reduce((earlier, later) -> later).orElse(null);
    String applicantId = application.getApplicantNationalId();
    Household.Person applicant = new Household.Person(applicantId, application.getApplicantName(), null, true, true,
        false, household == null ? null : AgencyRecords.birthDateOf(household.body(), applicantId).orElse(null));
    List<Household.Person> related = household == null ? List.of() : AgencyRecords.related(household.body(), applicantId);

    List<Verification.Kept> tax = answers.stream().filter(answer -> TAX.equals(answer.service())).toList();
    String taxSource = tax.isEmpty() ? null : sourceName(TAX);
    Map<String, Verification.Kept> taxAnswers = new HashMap<>();
    Map<String, List<Figure>> agencyFigures = new HashMap<>();
    for (Verification.Kept answer : tax) {
      taxAnswers.put(answer.subjectRef(), answer);
      AgencyRecords.taxFigures(answer.body(), taxSource, answer.fetchedAt(), answer.evidenceSeq())
          .ifPresent(figures -> agencyFigures.put(answer.subjectRef(), figures));
    }
    // Work income the tax record lacks, from labour insurance (our reading of §5-1: the tax record first).
    List<Verification.Kept> insurance = answers.stream().filter(answer -> INSURANCE.equals(answer.service())).toList();
    String insuranceSource = insurance.isEmpty() ? null : sourceName(INSURANCE);
    Map<String, Verification.Kept> insuranceAnswers = new HashMap<>();
    for (Verification.Kept answer : insurance) {
      List<Figure> figures = agencyFigures.get(answer.subjectRef());
      boolean noSalary = figures != null && figures.stream()
          .noneMatch(f -> f.kind() == FigureKind.WORK_INCOME && f.amount().signum() > 0);
      Optional<Figure> insured = AgencyRecords.insuredSalary(answer.body(), insuranceSource, answer.fetchedAt(),
          answer.evidenceSeq());
      if (noSalary && insured.isPresent()) {
        List<Figure> withInsured = new ArrayList<>(figures);
        withInsured.removeIf(f -> f.kind() == FigureKind.WORK_INCOME);
        withInsured.add(0, insured.get());
        agencyFigures.put(answer.subjectRef(), withInsured);
        insuranceAnswers.put(answer.subjectRef(), answer);
      }
    }
    List<Adjustment> made = adjustments.of(applicationNo);
    Reckoned proposed = reckon(applicant, related, agencyFigures, List.of(), applied, thresholds);
    Reckoned settled = made.isEmpty() ? proposed : reckon(applicant, related, agencyFigures, made, applied, thresholds);

    List<PersonLine> people = settled.reckoned().stream().map(person -> {
      String id = person.person().nationalId();
      List<Figure> figures = settled.figures().getOrDefault(id, List.of());
      boolean missing = person.counted() && !settled.figures().containsKey(id);
      return new PersonLine(id, person.initials(),
          person.person().relation() == null ? "申請人 Applicant" : person.person().relation().label(),
          person.counted(), person.basis(), person.note(), figures, Figure.member(figures), missing);
    }).toList();
    List<Source> sources = new ArrayList<>();
    if (household != null) {
      sources.add(new Source(HOUSEHOLD, sourceName(HOUSEHOLD), "家庭人口 Household members",
          household.evidenceSeq() == null ? List.of() : List.of(household.evidenceSeq())));
    }
    if (!taxAnswers.isEmpty()) {
      sources.add(new Source(TAX, taxSource, "所得及財產 Income and property",
          taxAnswers.values().stream().map(Verification.Kept::evidenceSeq).filter(Objects::nonNull).sorted()
              .toList()));
    }
    if (!insuranceAnswers.isEmpty()) {
      sources.add(new Source(INSURANCE, insuranceSource, "投保薪資 Insured salary",
          insuranceAnswers.values().stream().map(Verification.Kept::evidenceSeq).filter(Objects::nonNull).sorted()
              .toList()));
    }
    return Optional.of(new View(applicationNo, thresholds, proposed.outcome(), settled.outcome(), people, made, sources));
  }

  /**
   * The settled means test as one text under a signature: the proposal, the result after the
   * clerk's adjustments, the counted persons (initials), the averages and each adjustment with its
   * reason.
   */
  @Override
  @Transactional(readOnly = true)
  public Optional<String> of(String applicationNo) {
    return view(applicationNo).map(view -> {
      StringBuilder text = new StringBuilder("社會救助審查 Means test");
      if (view.thresholds() != null) {
        text.append(" (").append(view.thresholds().municipality()).append(' ').append(view.thresholds().year()).append(')');
      }
      text.append("：").append(summary(view));
      List<String> counted = view.people().stream().filter(PersonLine::counted).map(PersonLine::initials).toList();
      text.append("｜應計算人口 Counted: ").append(joined(counted));
      for (Adjustment adjustment : view.adjustments()) {
        text.append("｜").append(describe(view, adjustment));
      }
      return text.toString();
    });
  }

  /**
   * One line for the clerk's form and the case file, without names: the proposal, the result after
   * any adjustment, the averages against the thresholds; or whose figures are still missing.
   */
  public static String summary(View view) {
    Thresholds t = view.thresholds();
    if (t == null) {
      return view.proposed().unavailable();
    }
    StringBuilder text = new StringBuilder("系統建議 Proposed：").append(label(view.proposed()));
    if (view.adjusted()) {
      text.append("｜調整後 After the clerk's adjustments：").append(label(view.settled()));
    }
    MeansTest.Averages a = view.settled().averages();
    if (a != null) {
      text.append("｜應計算人口 ").append(a.countedMembers()).append(" 人 counted")
          .append("｜平均每人每月收入 Income per person and month ").append(money(a.incomePerPerson()))
          .append("（最低生活費 minimum living expense ").append(money(t.minimumLivingExpense()))
          .append("，1.5 倍 ").append(money(t.middleLowIncomeLine())).append("）")
          .append("｜每人動產 Movable per person ").append(money(a.movablePerPerson()))
          .append("（限額 limits ").append(money(t.lowIncomeMovablePerPerson())).append(" / ")
          .append(money(t.middleLowMovablePerPerson())).append("）")
          .append("｜不動產 Immovable ").append(money(a.immovableHousehold()))
          .append("（限額 limits ").append(money(t.lowIncomeImmovablePerHousehold())).append(" / ")
          .append(money(t.middleLowImmovablePerHousehold())).append("）");
    }
    if (t.demoData()) {
      text.append("｜門檻為示範資料，請核對 Demo thresholds, check: ").append(t.source());
    }
    return text.toString();
  }

  private static String label(Outcome outcome) {
    return outcome.complete() ? outcome.levelLabel()
        : "資料尚缺，不以零計 Figures missing, never counted as zero: " + joined(outcome.missing())
            + "（待聯繫單回復或人工查證後由承辦人登錄 to be entered by the clerk from the contact slip's answer or a check by hand）";
  }

  /** An adjustment as the record and the signer read it: whose, what, why, by whom. */
  static String describe(View view, Adjustment adjustment) {
    String who = view.people().stream().filter(p -> Objects.equals(p.ref(), adjustment.nationalId())).map(PersonLine::initials)
        .findFirst().orElse("○○");
    String what = adjustment.kind() == Adjustment.Kind.LEAVE_OUT
        ? adjustment.kind().label() + "（" + adjustment.ground().label() + "）"
        : adjustment.figure().label() + " = " + money(adjustment.amount());
    return "調整 Adjusted " + who + "：" + what + "；理由 Reason：" + adjustment.reason()
        + (adjustment.madeBy() == null ? "" : "（" + adjustment.madeBy() + "）");
  }

  /**
   * The reckoning as the decision letter sets it out for the applicant (give it the applicant's
   * view, {@link #forApplicant}): the result and the averages against the thresholds, who was
   * counted and who not, which agency gave what, and each adjustment with its reason.
   */
  public static String explanation(View view) {
    StringBuilder text = new StringBuilder(summary(view));
    List<String> counted = view.people().stream().filter(PersonLine::counted)
        .map(p -> p.initials() + " " + p.relation()).toList();
    List<String> notCounted = view.people().stream().filter(p -> !p.counted())
        .map(p -> p.initials() + " " + p.relation() + (p.note() == null ? "" : "（" + p.note() + "）")).toList();
    if (!counted.isEmpty()) {
      text.append("\n應計算人口 Counted: ").append(joined(counted));
    }
    if (!notCounted.isEmpty()) {
      text.append("\n不列計 Not counted: ").append(joined(notCounted));
    }
    if (!view.sources().isEmpty()) {
      text.append("\n資料來源 Sources: ").append(joined(view.sources().stream()
          .map(source -> source.agency() + "（" + source.what() + "）").toList()));
    }
    view.adjustments().forEach(adjustment -> text.append("\n").append(describe(view, adjustment)));
    return text.toString();
  }

  /**
   * The means test as the applicant sees it (on /track, and through the portal): no national IDs,
   * no clerk's name; a person left out shows the reason the clerk wrote.
   */
  public static View forApplicant(View view) {
    // Each person is referred to within the view only (P1, P2, ...), so an adjustment still names whom it concerns.
    Map<String, String> refs = new HashMap<>();
    view.people().forEach(p -> refs.put(p.ref(), "P" + (refs.size() + 1)));
    Map<String, String> leftOut = new HashMap<>();
    view.adjustments().stream().filter(a -> a.kind() == Adjustment.Kind.LEAVE_OUT)
        .forEach(a -> leftOut.put(a.nationalId(), a.ground().label() + "：" + a.reason()));
    return new View(view.applicationNo(), view.thresholds(), view.proposed(), view.settled(),
        view.people().stream().map(p -> new PersonLine(refs.get(p.ref()), p.initials(), p.relation(), p.counted(),
            p.basis(), leftOut.getOrDefault(p.ref(), p.note()), p.figures(), p.totals(), p.missing())).toList(),
        view.adjustments().stream().map(a -> new Adjustment(a.id(), refs.get(a.nationalId()), a.kind(), a.ground(),
            a.figure(), a.amount(), a.reason(), null, a.madeAt())).toList(),
        view.sources());
  }

  private record Reckoned(List<Household.Reckoned> reckoned, Map<String, List<Figure>> figures, Outcome outcome) {}

  private Reckoned reckon(Household.Person applicant, List<Household.Person> related,
      Map<String, List<Figure>> agencyFigures, List<Adjustment> made, LocalDate applied, Thresholds thresholds) {
    Map<String, Household.ClerkExclusion> exclusions = new HashMap<>();
    Map<String, Map<FigureKind, Adjustment>> set = new HashMap<>();
    for (Adjustment adjustment : made) {
      if (adjustment.kind() == Adjustment.Kind.LEAVE_OUT) {
        exclusions.put(adjustment.nationalId(),
            new Household.ClerkExclusion(adjustment.ground(), adjustment.reason(), adjustment.madeBy()));
      } else {
        set.computeIfAbsent(adjustment.nationalId(), id -> new LinkedHashMap<>()).put(adjustment.figure(), adjustment);
      }
    }
    List<Household.Reckoned> reckoned = Household.reckon(applicant, related, exclusions);
    Map<String, List<Figure>> figures = new HashMap<>();
    for (Household.Reckoned person : reckoned) {
      String id = person.person().nationalId();
      List<Figure> given = agencyFigures.get(id);
      Map<FigureKind, Adjustment> clerk = set.getOrDefault(id, Map.of());
      if (given == null && clerk.isEmpty()) {
        continue;
      }
      List<Figure> own = new ArrayList<>(given == null ? List.of() : given);
      clerk.forEach((kind, adjustment) -> {
        own.removeIf(f -> f.kind() == kind);
        own.add(new Figure(kind, adjustment.amount(), CLERK_SET, adjustment.madeAt(), null, adjustment.reason()));
      });
      own.sort(Comparator.comparing(Figure::kind));
      figures.put(id, clerk.containsKey(FigureKind.WORK_INCOME) ? own
          : WorkIncome.withImputation(own, person.person().birthDate(), applied, thresholds.basicWage()));
    }
    Map<String, MeansTest.Member> members = new HashMap<>();
    figures.forEach((id, list) -> members.put(id, Figure.member(list)));
    Outcome outcome;
    try {
      MeansTest.Proposal proposal = meansTest.reckon(properties.municipality(), applied, reckoned, members).proposal();
      outcome = new Outcome(proposal.level(), proposal.level().label(), proposal.averages(), proposal.reasons(), List.of(),
          null);
    } catch (MeansTest.MissingFigures missing) {
      @SuppressWarnings("unchecked")
      List<String> who = (List<String>) missing.properties().get("members");
      outcome = new Outcome(null, null, null, List.of(), who, null);
    }
    return new Reckoned(reckoned, figures, outcome);
  }

  private String sourceName(String service) {
    String agency = verification.sourceAgency(service);
    return catalog.agency(agency).map(Agency::getNameZh).orElse(agency) + " " + Verification.serviceLabel(service);
  }

  static String money(BigDecimal amount) {
    return amount == null ? "—" : AgencyRecords.money(amount);
  }

  static String joined(List<String> parts) {
    return parts.stream().collect(Collectors.joining("、"));
  }
}
