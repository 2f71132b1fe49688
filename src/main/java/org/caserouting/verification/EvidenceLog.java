package org.caserouting.verification;

import java.util.List;
import java.util.Objects;
import org.caserouting.intake.ApplicationRepository;
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

  EvidenceLog(VerificationEvidenceRepository evidence, ApplicationRepository applications) {
    this.evidence = evidence;
    this.applications = applications;
  }

  @Transactional(propagation = Propagation.REQUIRES_NEW)
  public VerificationEvidence append(VerificationEvidence.Facts facts) {
    applications.lockByApplicationNo(facts.applicationNo())
        .orElseThrow(() -> new IllegalStateException("No application " + facts.applicationNo()));
    VerificationEvidence previous = evidence.findFirstByApplicationNoOrderBySeqDesc(facts.applicationNo()).orElse(null);
    return evidence.save(
        new VerificationEvidence(facts, previous == null ? 1 : previous.getSeq() + 1, previous == null ? null : previous.getHash()));
  }

  @Transactional(readOnly = true)
  public List<VerificationEvidence> of(String applicationNo) {
    return evidence.findByApplicationNoOrderBySeq(applicationNo);
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
