package org.caserouting.meanstest;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;

/**
 * Work income the law counts where none is recorded (社會救助法 §5-1): a member able to work (§5-3:
 * from 16 to under 65) without recorded work income is counted at the basic wage. A clerk who finds
 * one of §5-3's grounds (a student, a disability, care of a young child…) sets the figure with the
 * reason instead, and the imputation gives way to it.
 */
public final class WorkIncome {

  static final String BASIS = "社會救助法第5條之1、第5條之3 §5-1, §5-3: basic wage for a working-age member";
  private static final int WORKING_FROM = 16;
  private static final int WORKING_UNTIL = 65;

  private WorkIncome() {}

  /** Whether the person is of working age on the application's date; unknown without a birth date. */
  public static boolean workingAge(LocalDate birthDate, LocalDate on) {
    if (birthDate == null) {
      return false;
    }
    int age = Period.between(birthDate, on).getYears();
    return age >= WORKING_FROM && age < WORKING_UNTIL;
  }

  /** The figures with the basic wage added when the law imputes it. */
  public static List<Figure> withImputation(List<Figure> figures, LocalDate birthDate, LocalDate applicationDate,
      BigDecimal basicWage) {
    boolean recorded = figures.stream()
        .anyMatch(f -> f.kind() == FigureKind.WORK_INCOME && f.amount().signum() > 0);
    if (recorded || !workingAge(birthDate, applicationDate)) {
      return figures;
    }
    List<Figure> imputed = new ArrayList<>(figures);
    imputed.removeIf(f -> f.kind() == FigureKind.WORK_INCOME);
    imputed.add(0, new Figure(FigureKind.WORK_INCOME, basicWage, BASIS, null, null,
        "有工作能力而查無工作收入，依基本工資 " + AgencyRecords.money(basicWage)
            + " 元核算 Able to work with no recorded work income: counted at the basic wage"));
    return imputed;
  }
}
