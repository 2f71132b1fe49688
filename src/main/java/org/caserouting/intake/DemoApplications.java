package org.caserouting.intake;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.List;
import java.util.Map;
import org.caserouting.cases.ApplicationRepository;
import org.caserouting.cases.SiteZone;
import org.caserouting.cases.SubmitApplicationRequest;
import org.caserouting.cases.SubmitApplicationRequest.Applicant;
import org.caserouting.cases.SubmitApplicationRequest.Document;
import org.caserouting.cases.SubmitApplicationRequest.Site;
import org.caserouting.cases.SubmitApplicationRequest.SubmittedVia;
import org.caserouting.catalog.District;
import org.caserouting.catalog.DocumentClass;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.autoconfigure.condition.ConditionalOnExpression;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * Sample applications for the demo, submitted through the same intake as the portal's, once,
 * when the database has none: one for a district office, one for a city department's joint
 * review, one fully online. The people and numbers are invented.
 */
@Component
@ConditionalOnExpression("${caserouting.demo.enabled:false} and ${caserouting.demo.applications:true}")
@Order(Ordered.LOWEST_PRECEDENCE)
class DemoApplications implements ApplicationRunner {

  private static final Logger log = LoggerFactory.getLogger(DemoApplications.class);

  private final IntakeService intake;
  private final ApplicationRepository applications;

  DemoApplications(IntakeService intake, ApplicationRepository applications) {
    this.intake = intake;
    this.applications = applications;
  }

  @Override
  public void run(ApplicationArguments args) {
    if (applications.count() > 0) {
      return;
    }
    List<SubmitApplicationRequest> samples =
        List.of(
            new SubmitApplicationRequest(
                "SW-LOW-INCOME",
                new Applicant("A123456789", "王小明", "wang.xiaoming@example.tw", "02-2700-1234", District.DAAN),
                List.of(
                    new Document(DocumentClass.UPLOADABLE, "存摺封面影本"),
                    new Document(DocumentClass.UPLOADABLE, "工作收入證明")),
                null,
                SubmittedVia.ONLINE,
                true,
                null,
                answers(Map.of("householdMembers", 3)),
                null),
            new SubmitApplicationRequest(
                "IN-SPECIAL-ENTERTAINMENT",
                new Applicant("F231234561", "林美麗", "lin.meili@example.tw", null, District.DAAN),
                List.of(
                    new Document(DocumentClass.UPLOADABLE, "營業場所平面配置圖"),
                    new Document(DocumentClass.UPLOADABLE, "租賃契約影本"),
                    new Document(DocumentClass.UPLOADABLE, "建物所有權人同意書")),
                new Site("臺北市中山區林森北路100號2樓", "ZS-0123-0000", SiteZone.COMMERCIAL, District.ZHONGSHAN),
                SubmittedVia.ONLINE,
                true,
                null,
                answers(Map.of("businessName", "林森夜曲酒吧", "businessKind", "BAR", "floorAreaSqm", 86.5)),
                null),
            new SubmitApplicationRequest(
                "CA-HOUSEHOLD-TRANSCRIPT-EN",
                new Applicant("Z100000002", "陳大同", "chen.datong@example.tw", null, District.DAAN),
                List.of(),
                null,
                SubmittedVia.ONLINE,
                true,
                null,
                answers(Map.of("nameInEnglish", "CHEN, DA-TONG", "copies", 2)),
                null),
            // The simulator's households, one per rule of the means test (docs/means-test.md).
            lowIncome("A220000018", "李秀蘭", 1),
            lowIncome("A120000025", "陳志明", 4),
            lowIncome("A220000072", "張美玲", 2),
            lowIncome("A120000089", "黃國華", 2));
    samples.forEach(sample -> intake.submit(sample, "demo-" + sample.caseTypeCode() + "-" + sample.applicant().nationalId()));
    log.info("Demo applications submitted: {}", samples.size());
  }

  private static SubmitApplicationRequest lowIncome(String nationalId, String name, int householdMembers) {
    return new SubmitApplicationRequest("SW-LOW-INCOME",
        new Applicant(nationalId, name, null, "02-2700-5678", District.DAAN),
        List.of(new Document(DocumentClass.UPLOADABLE, "存摺封面影本")), null, SubmittedVia.ONLINE, true, null,
        answers(Map.of("householdMembers", householdMembers)), null);
  }

  /** The answers to a type's own form, as the portal sends them. */
  private static JsonNode answers(Map<String, Object> fields) {
    return new ObjectMapper().valueToTree(fields);
  }
}
