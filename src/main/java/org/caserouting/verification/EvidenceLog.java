package org.caserouting.verification;

import io.micrometer.core.instrument.MeterRegistry;
import java.util.Collection;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.caserouting.cases.ApplicationRepository;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Appends evidence in its own transaction: a failed call is evidence too, and must survive the
 * rollback of the step that made it.
 */
@Service
public class EvidenceLog {

  private final VerificationEvidenceRepository evidence;
  private final ApplicationRepository applications;
  private final MeterRegistry meters;
  private final JdbcTemplate jdbc;

  EvidenceLog(VerificationEvidenceRepository evidence, ApplicationRepository applications, MeterRegistry meters,
      JdbcTemplate jdbc) {
    this.evidence = evidence;
    this.applications = applications;
    this.meters = meters;
    this.jdbc = jdbc;
  }

  @Transactional(propagation = Propagation.REQUIRES_NEW)
  public VerificationEvidence append(VerificationEvidence.Facts facts) {
    // The case the evidence belongs to, locked so that its rows stay in order: an application, or
    // a reported change (N合一), whose number is kept in the same column.
    if (applications.lockByApplicationNo(facts.applicationNo()).isEmpty()
        && jdbc.queryForList("select id from change_report where change_no = ? for update", Long.class, facts.applicationNo()).isEmpty()) {
      throw new IllegalStateException("No application or change " + facts.applicationNo());
    }
    VerificationEvidence previous = evidence.findFirstByApplicationNoOrderBySeqDesc(facts.applicationNo()).orElse(null);
    // Every call and every refusal, by the agency asked: what operators watch for an agency's outage.
    meters.counter("caserouting.verification.calls",
        "agency", Objects.toString(facts.sourceAgency(), "unknown"), "service", Objects.toString(facts.service(), "unknown"), "outcome", facts.outcome().name()).increment();
    return evidence.save(
        new VerificationEvidence(facts, previous == null ? 1 : previous.getSeq() + 1, previous == null ? null : previous.getHash()));
  }

  @Transactional(readOnly = true)
  public List<VerificationEvidence> of(String applicationNo) {
    return evidence.findByApplicationNoOrderBySeq(applicationNo);
  }

  /**
   * Records whose data a query touched, by their codes ({@link PersonCodes}): the person asked
   * about, and the persons an answer named.
   */
  @Transactional(propagation = Propagation.REQUIRES_NEW)
  public void concerning(VerificationEvidence query, Collection<String> subjectCodes) {
    for (String code : new LinkedHashSet<>(subjectCodes)) {
      jdbc.update("insert into evidence_subject (application_no, seq, subject_code) values (?, ?, ?)",
          query.getApplicationNo(), query.getSeq(), code);
    }
  }

  /** Every query that touched the person with this code, in any case, oldest first. */
  @Transactional(readOnly = true)
  public List<VerificationEvidence> about(String subjectCode) {
    return jdbc.query("select application_no, seq from evidence_subject where subject_code = ?",
            (row, n) -> evidence.findByApplicationNoAndSeq(row.getString(1), row.getInt(2)), subjectCode)
        .stream().flatMap(Optional::stream)
        .sorted(Comparator.comparing(VerificationEvidence::getOccurredAt)).toList();
  }

  /** Whether every row still matches its hash and links to the one before it. */
  @Transactional(readOnly = true)
  public boolean intact(String applicationNo) {
    String previous = null;
    int seq = 1;
    for (VerificationEvidence row : evidence.findByApplicationNoOrderBySeq(applicationNo)) {
      if (row.getSeq() != seq++ || !Objects.equals(row.getPreviousHash(), previous) || !row.computeHash().equals(row.getHash())) {
        return false;
      }
      previous = row.getHash();
    }
    return true;
  }
}
