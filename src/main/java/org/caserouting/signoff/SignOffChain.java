package org.caserouting.signoff;

import java.time.Clock;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.caserouting.cases.ApplicationRepository;
import org.caserouting.signoff.CertifiedHeads.Head;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Appends signatures to an application's chain and checks that the chain is intact: every row
 * matches its hash and links to the one before, and the rows the decision's receipt certified are
 * all still there.
 */
@Service
public class SignOffChain {

  /**
   * The chain as read now, and whether it is intact; if not, the first signature altered or
   * missing, and why, in the words a reader is shown.
   */
  public record Verified(List<SignOff> signOffs, boolean intact, Integer brokenAtSeq, String why) {

    static Verified intact(List<SignOff> chain) {
      return new Verified(chain, true, null, null);
    }
  }

  private final SignOffRepository signOffs;
  private final ApplicationRepository applications;
  private final CertifiedHeads certified;
  private final Clock clock;

  SignOffChain(SignOffRepository signOffs, ApplicationRepository applications, CertifiedHeads certified,
      Clock clock) {
    this.signOffs = signOffs;
    this.applications = applications;
    this.certified = certified;
    this.clock = clock;
  }

  @Transactional
  public SignOff append(
      String applicationNo, int level, String agency, String role, String userId, String actingFor, SignedDraft draft,
      String outcome, String opinion) {
    // Two agencies signing the same case at once take turns here, so the chain has no fork.
    applications.lockByApplicationNo(applicationNo)
        .orElseThrow(() -> new IllegalStateException("No application " + applicationNo));
    SignOff previous = signOffs.findFirstByApplicationNoOrderBySeqDesc(applicationNo).orElse(null);
    int seq = previous == null ? 1 : previous.getSeq() + 1;
    // Stored with microseconds, as the database keeps them, so the hash can be recomputed.
    SignOffContent content =
        new SignOffContent(
            SignOffContent.CURRENT_VERSION, applicationNo, seq, level, agency, role, userId, actingFor,
            clock.instant().truncatedTo(ChronoUnit.MICROS), outcome, opinion == null ? "" : opinion, draft);
    return signOffs.save(new SignOff(content, previous == null ? null : previous.getHash()));
  }

  @Transactional(readOnly = true)
  public List<SignOff> of(String applicationNo) {
    return signOffs.findByApplicationNoOrderBySeq(applicationNo);
  }

  /** The last signature so far, for a decision to certify. */
  @Transactional(readOnly = true)
  public Optional<Head> head(String applicationNo) {
    return signOffs.findFirstByApplicationNoOrderBySeqDesc(applicationNo).map(s -> new Head(s.getSeq(), s.getHash()));
  }

  @Transactional(readOnly = true)
  public Verified verify(String applicationNo) {
    List<SignOff> chain = signOffs.findByApplicationNoOrderBySeq(applicationNo);
    String previousHash = null;
    int expectedSeq = 1;
    int version = 1;
    for (SignOff signOff : chain) {
      boolean linked = Objects.equals(signOff.getPreviousHash(), previousHash);
      boolean known = signOff.getHashVersion() >= version && signOff.getHashVersion() <= SignOffContent.CURRENT_VERSION;
      if (!linked || !known || signOff.getSeq() != expectedSeq
          || !signOff.content().hash(signOff.getPreviousHash()).equals(signOff.getHash())) {
        return new Verified(chain, false, signOff.getSeq(),
            "第 " + signOff.getSeq() + " 筆核可紀錄與其雜湊不符或斷鏈 Sign-off " + signOff.getSeq()
                + " no longer matches its hash or its place in the chain.");
      }
      previousHash = signOff.getHash();
      version = signOff.getHashVersion();
      expectedSeq++;
    }
    Optional<Head> decidedOn = certified.certified(applicationNo);
    if (decidedOn.isPresent()) {
      Head head = decidedOn.get();
      if (head.seq() > chain.size()) {
        return new Verified(chain, false, chain.size() + 1,
            "決定收據載明 " + head.seq() + " 筆核可，現僅存 " + chain.size() + " 筆 The decision's receipt certifies "
                + head.seq() + " sign-offs; only " + chain.size() + " remain.");
      }
      if (head.seq() > 0 && !chain.get(head.seq() - 1).getHash().equals(head.hash())) {
        return new Verified(chain, false, head.seq(),
            "第 " + head.seq() + " 筆核可與決定收據所載不符 Sign-off " + head.seq()
                + " is not the one the decision's receipt certifies.");
      }
    }
    return Verified.intact(chain);
  }
}
