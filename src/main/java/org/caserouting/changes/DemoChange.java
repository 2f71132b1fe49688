package org.caserouting.changes;

import java.util.List;
import java.util.Set;
import org.caserouting.cases.Caller;
import org.caserouting.catalog.District;
import org.caserouting.platform.AgencyGroups;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * The demo's N-in-1 case, once: 王小明 reports his new address at the Da'an household registration
 * office and agrees that the tax service, the land office and the military service department be
 * told (the tax service takes it online through the simulator; the other two as tasks), not the
 * environmental protection department, which he will tell himself.
 */
@Component
@ConditionalOnExpression("${caserouting.demo.enabled:false} and ${caserouting.demo.applications:true}")
@Order(Ordered.LOWEST_PRECEDENCE)
class DemoChange implements ApplicationRunner {

  private static final Logger log = LoggerFactory.getLogger(DemoChange.class);
  static final String COUNTER = "HR-DAAN";

  private final ChangeReporting changes;
  private final ChangeReportRepository reports;

  DemoChange(ChangeReporting changes, ChangeReportRepository reports) {
    this.changes = changes;
    this.reports = reports;
  }

  @Override
  public void run(ApplicationArguments args) {
    if (reports.count() > 0) {
      return;
    }
    ReportChangeRequest address = new ReportChangeRequest(
        ChangeType.ADDRESS,
        new ReportChangeRequest.Subject("A123456789", "王小明", "wang.xiaoming@example.tw"),
        District.DAAN,
        "遷入：臺北市大安區和平東路二段106號5樓 Moved in: 5F, No. 106, Sec. 2, Heping E. Rd., Da'an",
        List.of("REVENUE", "LO-DAAN", "MILITARY"),
        COUNTER);
    String clerk = AgencyGroups.groupId(COUNTER, AgencyGroups.Role.CLERK);
    ChangeView reported = changes.report(address, "demo-change-address", new Caller(clerk, Set.of(clerk))).answer();
    log.info("Demo change reported: {} to {} agencies", reported.changeNo(), reported.notices().size());
  }
}
