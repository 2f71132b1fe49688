package org.caserouting.signoff;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.caserouting.cases.ApplicationRepository;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Appends signatures to an application's chain and checks that the chain is intact. */
@Service
public class SignOffChain {

  /** The chain as read now, and whether every hash still matches its content. */
  public record Verified(List<SignOff> signOffs, boolean intact, Integer brokenAtSeq) {}

  private final SignOffRepository signOffs;
  private final ApplicationRepository applications;
  private final Clock clock;

  SignOffChain(SignOffRepository signOffs, ApplicationRepository applications, Clock clock) {
    this.signOffs = signOffs;
    this.applications = applications;
    this.clock = clock;
  }

  @Transactional
  public SignOff append(
      String applicationNo, int level, String agency, String role, String userId, DecisionKind kind, String outcome,
      String opinion) {
    // Two agencies signing the same case at once take turns here, so the chain has no fork.
    applications.lockByApplicationNo(applicationNo)
        .orElseThrow(() -> new IllegalStateException("No application " + applicationNo));
    SignOff previous = signOffs.findFirstByApplicationNoOrderBySeqDesc(applicationNo).orElse(null);
    int seq = previous == null ? 1 : previous.getSeq() + 1;
    // Stored with microseconds, as the database keeps them, so the hash can be recomputed.
    SignOffContent content =
        new SignOffContent(
            applicationNo, seq, level, agency, role, userId, clock.instant().truncatedTo(ChronoUnit.MICROS), kind,
            outcome, opinion == null ? "" : opinion);
    return signOffs.save(new SignOff(content, previous == null ? null : previous.getHash()));
  }

  @Transactional(readOnly = true)
  public List<SignOff> of(String applicationNo) {
    return signOffs.findByApplicationNoOrderBySeq(applicationNo);
  }

  @Transactional(readOnly = true)
  public Verified verify(String applicationNo) {
    List<SignOff> chain = signOffs.findByApplicationNoOrderBySeq(applicationNo);
    String previousHash = null;
    int expectedSeq = 1;
    for (SignOff signOff : chain) {
      boolean linked = java.util.Objects.equals(signOff.getPreviousHash(), previousHash);
      boolean unchanged = signOff.content().hash(signOff.getPreviousHash()).equals(signOff.getHash());
      if (!linked || !unchanged || signOff.getSeq() != expectedSeq) {
        return new Verified(chain, false, signOff.getSeq());
      }
      previousHash = signOff.getHash();
      expectedSeq++;
    }
    return new Verified(chain, true, null);
  }
}
