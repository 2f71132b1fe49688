package org.caserouting.changes;

import java.time.Instant;
import java.util.List;

/** A reported change as the counter and the citizen see it: one line per agency concerned. */
public record ChangeView(
    String changeNo,
    ChangeType changeType,
    ChangeReport.Status status,
    String receivingAgency,
    Instant reportedAt,
    Instant completedAt,
    List<AgencyNotice> notices,
    List<AgencyNotice> informYourself) {

  /** One agency: how it is told, and what it answered. */
  public record AgencyNotice(
      String agency,
      String agencyNameZh,
      String agencyNameEn,
      String record,
      Notice.Channel channel,
      Notice.Status status,
      String reason,
      Instant dueAt,
      Instant answeredAt) {}
}
