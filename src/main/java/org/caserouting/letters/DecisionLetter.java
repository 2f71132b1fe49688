package org.caserouting.letters;

import java.time.LocalDate;

/**
 * What a decision letter (處分書) says, zh-TW first and English second: who decided what for whom,
 * why, on which law, how to appeal, and the signed decision receipt that proves it.
 */
record DecisionLetter(
    String applicationNo,
    LocalDate date,
    Party issuer,
    String applicantName,
    String caseTypeZh,
    String caseTypeEn,
    boolean approved,
    String reasons,
    String meansTest,
    String legalBasisZh,
    String legalBasisEn,
    Party appealTo,
    String receiptJws,
    String trackPage) {

  /** An agency, by its two names. */
  record Party(String nameZh, String nameEn) {}

  /** The date as the letter heads it: the Republic's year first (民國), then the Gregorian date. */
  String dateLine() {
    return "中華民國" + (date.getYear() - 1911) + "年" + date.getMonthValue() + "月" + date.getDayOfMonth() + "日 ("
        + date + ")";
  }

  String decisionLine() {
    return approved ? "准予所請。 Your application is approved." : "歉難同意所請。 Your application is not approved.";
  }

  String reasonsText() {
    if (reasons != null && !reasons.isBlank()) {
      return reasons.strip();
    }
    return approved
        ? "經審查，本件申請符合法令規定。 Having reviewed it, we find the application meets the legal requirements."
        : "經審查，本件申請不符法令規定。 Having reviewed it, we find the application does not meet the legal requirements.";
  }

  /** 訴願法 §14 (30 days from the day after the letter arrives) and §58 (filed through the office that decided). */
  String appealZh() {
    return "如不服本處分，得自本處分書送達之次日起30日內，依訴願法第14條及第58條第1項規定，繕具訴願書經由本機關（"
        + issuer.nameZh() + "）向" + appealTo.nameZh() + "提起訴願。";
  }

  String appealEn() {
    return "If you disagree with this decision, you may appeal within 30 days from the day after this letter reaches"
        + " you: write a notice of appeal and file it through this office (" + issuer.nameEn() + ") to the "
        + appealTo.nameEn() + " (Administrative Appeal Act, Articles 14 and 58).";
  }
}
