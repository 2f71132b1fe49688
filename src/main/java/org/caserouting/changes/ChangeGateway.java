package org.caserouting.changes;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import org.caserouting.verification.AgencyUnavailableException;
import org.caserouting.verification.EvidenceLog;
import org.caserouting.verification.EvidenceOutcome;
import org.caserouting.verification.VerificationEvidence;
import org.caserouting.verification.VerificationProperties;
import org.caserouting.verification.XRoadClient;
import org.springframework.stereotype.Component;

/**
 * A change sent to an agency's update service through the X-Road gateway, for the agencies that
 * take updates online. Every exchange is logged as evidence, like every query: the citizen
 * consented to this agency being told, and the log shows it was told no more than the change.
 */
@Component
class ChangeGateway {

  static final String CHANGE_NOTICE_SERVICE = "change-notice";
  private static final String PURPOSE = "N合一異動通報 Change notification, with consent";

  private final ChangeReporting reporting;
  private final ChangeProperties properties;
  private final VerificationProperties gateway;
  private final XRoadClient xroad;
  private final EvidenceLog evidence;
  private final Clock clock;
  private final ObjectMapper json = new ObjectMapper();

  ChangeGateway(ChangeReporting reporting, ChangeProperties properties, VerificationProperties gateway, XRoadClient xroad,
      EvidenceLog evidence, Clock clock) {
    this.reporting = reporting;
    this.properties = properties;
    this.gateway = gateway;
    this.xroad = xroad;
    this.evidence = evidence;
    this.clock = clock;
  }

  /**
   * Sends the change and records the agency's answer. Throws {@link AgencyUnavailableException}
   * when the agency could not take it; the job then retries, and after the last retry the
   * agency's clerks take over.
   *
   * @param attemptKey the same for every retry of this step, so the agency can tell a resend
   */
  Notice.Status send(String changeNo, String agency, String attemptKey) {
    ChangeReport report = reporting.report(changeNo);
    String service = properties.updateEndpoints().get(agency);
    String xroadId = UUID.nameUUIDFromBytes(attemptKey.getBytes(StandardCharsets.UTF_8)).toString();
    VerificationEvidence.Query query = new VerificationEvidence.Query(changeNo, VerificationEvidence.CHANGE_NOTIFICATION_STEP,
        report.getReceivingAgency(), report.getReportedBy(), service, gateway.endpoint(service).agency(), PURPOSE,
        "change:" + report.getChangeType());
    Instant at = clock.instant();
    try {
      XRoadClient.Exchange exchange = xroad.post(service, CHANGE_NOTICE_SERVICE, report.getSubjectNationalId(),
          body(report), xroadId, report.getReportedBy(), changeNo);
      evidence.append(query.answered(at, xroadId, exchange, EvidenceOutcome.ANSWERED));
      JsonNode answer = exchange.body();
      boolean updated = answer != null && "UPDATED".equals(answer.path("result").asText());
      Notice.Status status = updated ? Notice.Status.UPDATED : Notice.Status.REJECTED;
      String reason = updated || answer == null ? null : answer.path("reason").asText(null);
      reporting.answer(changeNo, agency, status, reason, "X-Road " + xroadId);
      return status;
    } catch (AgencyUnavailableException failed) {
      evidence.append(query.failed(at, xroadId));
      throw failed;
    }
  }

  /** The change and nothing more; whose change it is goes in the path, as for every query. */
  private String body(ChangeReport report) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("changeNo", report.getChangeNo());
    body.put("changeType", report.getChangeType().name());
    body.put("details", report.getDetails());
    try {
      return json.writeValueAsString(body);
    } catch (JsonProcessingException e) {
      throw new IllegalStateException(e);
    }
  }
}
