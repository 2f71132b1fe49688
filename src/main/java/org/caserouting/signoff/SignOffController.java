package org.caserouting.signoff;

import java.time.Instant;
import java.util.List;
import org.caserouting.cases.CaseAccess;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

@RestController
class SignOffController {

  /** One signature: who, when, what they signed (the draft) and what they said; hash version 1 covers no draft. */
  record SignOffView(
      int seq, int level, String agency, String role, String userId, String actingFor, Instant signedAt, DecisionKind decisionKind,
      String draftReasons, String draftConditions, String minutes, String outcome, String opinion, int hashVersion,
      String previousHash, String hash) {}

  record ChainView(
      String applicationNo, boolean verified, Integer brokenAtSeq, String problem, List<SignOffView> signOffs) {}

  private final SignOffChain chain;
  private final CaseAccess access;

  SignOffController(SignOffChain chain, CaseAccess access) {
    this.chain = chain;
    this.access = access;
  }

  @GetMapping("/api/applications/{applicationNo}/sign-offs")
  ChainView signOffs(@PathVariable String applicationNo, Authentication caller) {
    access.requireReadable(applicationNo, caller);
    SignOffChain.Verified verified = chain.verify(applicationNo);
    return new ChainView(
        applicationNo,
        verified.intact(),
        verified.brokenAtSeq(),
        verified.why(),
        verified.signOffs().stream()
            .map(s -> new SignOffView(s.getSeq(), s.getLevel(), s.getAgency(), s.getRole(), s.getUserId(),
                s.getActingFor(), s.getSignedAt(), s.getDecisionKind(), s.draft().reasons(), s.draft().conditions(), s.draft().minutes(),
                s.getOutcome(), s.getOpinion(), s.getHashVersion(), s.getPreviousHash(), s.getHash()))
            .toList());
  }
}
