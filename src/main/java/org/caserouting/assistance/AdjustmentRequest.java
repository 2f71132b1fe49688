package org.caserouting.assistance;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;
import org.caserouting.meanstest.Exclusion;
import org.caserouting.meanstest.FigureKind;
import org.caserouting.platform.InvalidField;
import org.caserouting.platform.InvalidRequest;

/**
 * A clerk's adjustment: {@code member} is the person's national ID; LEAVE_OUT needs a ground of
 * §5 III, SET_FIGURE a figure and an amount; both need the reason.
 */
public record AdjustmentRequest(String member, Adjustment.Kind kind, Exclusion ground, FigureKind figure, BigDecimal amount,
    String reason) {

  /**
   * The request from the case file's form, whose fields come as text: a value that is not one of
   * the choices, or not an amount, is refused by name rather than taken as missing.
   */
  public static AdjustmentRequest fromForm(String member, String kind, String ground, String figure, String amount,
      String reason) {
    List<InvalidField> unreadable = new ArrayList<>();
    AdjustmentRequest request = new AdjustmentRequest(member.strip(), choice(Adjustment.Kind.class, "kind", kind, unreadable),
        choice(Exclusion.class, "ground", ground, unreadable), choice(FigureKind.class, "figure", figure, unreadable),
        number(amount, unreadable), reason);
    if (!unreadable.isEmpty()) {
      throw new InvalidRequest("調整有誤 The adjustment has invalid fields.", unreadable);
    }
    return request;
  }

  private static <E extends Enum<E>> E choice(Class<E> type, String field, String text, List<InvalidField> unreadable) {
    if (text == null || text.isBlank()) {
      return null;
    }
    try {
      return Enum.valueOf(type, text.strip());
    } catch (IllegalArgumentException notOne) {
      unreadable.add(new InvalidField(field, "不是可選之值 is not one of the choices: " + text));
      return null;
    }
  }

  private static BigDecimal number(String text, List<InvalidField> unreadable) {
    if (text == null || text.isBlank()) {
      return null;
    }
    try {
      return new BigDecimal(text.strip().replace(",", ""));
    } catch (NumberFormatException notOne) {
      unreadable.add(new InvalidField("amount", "不是數額 is not an amount: " + text));
      return null;
    }
  }

  List<InvalidField> problems() {
    List<InvalidField> problems = new ArrayList<>();
    if (member == null || member.isBlank()) {
      problems.add(new InvalidField("member", "請指明家庭成員 Name the member (national ID)"));
    }
    if (kind == null) {
      problems.add(new InvalidField("kind", "請指明調整方式 LEAVE_OUT or SET_FIGURE"));
    } else if (kind == Adjustment.Kind.LEAVE_OUT && ground == null) {
      problems.add(new InvalidField("ground", "不列入須依社會救助法第5條第3項之事由 Leaving out needs a ground of §5 III"));
    } else if (kind == Adjustment.Kind.SET_FIGURE) {
      if (figure == null) {
        problems.add(new InvalidField("figure", "請指明調整之項目 Name the figure"));
      }
      if (amount == null || amount.signum() < 0) {
        problems.add(new InvalidField("amount", "數額須為零或正數 The amount must be zero or more"));
      }
    }
    if (reason == null || reason.isBlank()) {
      problems.add(new InvalidField("reason", "調整須寫明理由 An adjustment needs a written reason"));
    } else if (reason.length() > 1000) {
      problems.add(new InvalidField("reason", "理由至多 1000 字 At most 1000 characters"));
    }
    return problems;
  }
}
