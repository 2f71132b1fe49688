package org.caserouting.changes;

import java.util.List;
import org.caserouting.catalog.Agency;
import org.caserouting.catalog.Catalog;
import org.caserouting.mail.NotificationKind;
import org.caserouting.mail.Notifications;
import org.springframework.stereotype.Component;

/** What the citizen is told of a reported change, in Chinese first and English second. */
@Component
class ChangeMessages {

  private final Notifications mail;
  private final Catalog catalog;

  ChangeMessages(Notifications mail, Catalog catalog) {
    this.mail = mail;
    this.catalog = catalog;
  }

  /** The change is received: which agencies we tell, and which the citizen must tell. */
  void received(ChangeReport report, ChangeView view) {
    String changeNo = report.getChangeNo();
    mail.change(changeNo, NotificationKind.CHANGE_RECEIVED, report.getSubjectEmail(),
        "您申報的異動已受理，異動編號 " + changeNo + "。將通報：" + names(view.notices(), true)
            + (view.informYourself().isEmpty() ? "" : "；請您自行通知：" + names(view.informYourself(), true)) + "。",
        "Your change has been received as " + changeNo + ". We will tell: " + names(view.notices(), false)
            + (view.informYourself().isEmpty() ? "" : "; please tell yourself: " + names(view.informYourself(), false)) + ".");
  }

  /** Every agency told has answered: each agency's answer. */
  void concluded(ChangeReport report, List<ChangeNotice> notices) {
    String changeNo = report.getChangeNo();
    StringBuilder zh = new StringBuilder("您於 " + report.getReceivingAgency() + " 申報之異動 " + changeNo + " 已通報完成：");
    StringBuilder en = new StringBuilder("The change " + changeNo + " you reported has been passed on:");
    for (ChangeNotice notice : notices) {
      Agency agency = catalog.agency(notice.getAgency()).orElse(null);
      String nameZh = agency == null ? notice.getAgency() : agency.getNameZh();
      String nameEn = agency == null ? notice.getAgency() : agency.getNameEn();
      String reason = notice.getReason();
      switch (notice.getStatus()) {
        case UPDATED -> {
          zh.append("\n・").append(nameZh).append("：已更新");
          en.append("\n- ").append(nameEn).append(": updated");
        }
        case REJECTED -> {
          zh.append("\n・").append(nameZh).append("：未更新").append(reason == null ? "" : "（" + reason + "）");
          en.append("\n- ").append(nameEn).append(": not updated").append(reason == null ? "" : " (" + reason + ")");
        }
        case NO_ANSWER -> {
          zh.append("\n・").append(nameZh).append("：逾期未回復，請逕洽該機關");
          en.append("\n- ").append(nameEn).append(": did not answer in time; please contact it");
        }
        case NOT_CONSENTED -> {
          zh.append("\n・").append(nameZh).append("：未經您同意通報，請自行辦理");
          en.append("\n- ").append(nameEn).append(": not told without your consent; please inform it yourself");
        }
        case WAITING -> { }
      }
    }
    mail.change(changeNo, NotificationKind.CHANGE_COMPLETED, report.getSubjectEmail(), zh.toString(), en.toString());
  }

  private static String names(List<ChangeView.AgencyNotice> notices, boolean zh) {
    if (notices.isEmpty()) {
      return zh ? "（無）" : "(none)";
    }
    return String.join(zh ? "、" : ", ", notices.stream().map(n -> zh ? n.agencyNameZh() : n.agencyNameEn()).toList());
  }
}
