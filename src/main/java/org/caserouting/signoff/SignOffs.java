package org.caserouting.signoff;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.stream.Collectors;
import org.caserouting.cases.ApplicationRepository;
import org.caserouting.catalog.Agency;
import org.caserouting.catalog.Catalog;
import org.caserouting.platform.AgencyGroups;
import org.caserouting.platform.AgencyGroups.AgencyRole;
import org.caserouting.platform.CalendarProperties;
import org.caserouting.platform.Refusal;
import org.caserouting.platform.engine.task.ActingDeputies;
import org.caserouting.platform.engine.task.TaskOutcome;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The rules of a sign-off (線上陳核): what the delegation of authority is asked, who may sign, what
 * a signature records, and what the sign-off tells the review that asked for it.
 */
@Service
public class SignOffs {

  private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm");

  /** The delegation-of-authority table's inputs besides the kind of decision, and the agency's name. */
  public record Authority(String agencyLevel, String category, String agencyName) {}

  /** What the sign-off answers its caller: signed by everyone, or returned and why. */
  public record Result(String result, String returnOpinion) {}

  private final Catalog catalog;
  private final SignOffChain chain;
  private final ApplicationRepository applications;
  private final ZoneId zone;
  private final ObjectProvider<ActingDeputies> deputies;
  private final ObjectProvider<DraftFacts> facts;

  SignOffs(Catalog catalog, SignOffChain chain, ApplicationRepository applications, CalendarProperties calendar,
      ObjectProvider<ActingDeputies> deputies, ObjectProvider<DraftFacts> facts) {
    this.facts = facts;
    this.catalog = catalog;
    this.chain = chain;
    this.applications = applications;
    this.zone = calendar.zone();
    this.deputies = deputies;
  }

  /** The signing agency's level and the case type's category, as the application records it. */
  @Transactional(readOnly = true)
  public Authority authority(String applicationNo, String signingAgency) {
    Agency agency =
        catalog.agency(signingAgency).orElseThrow(() -> new IllegalStateException("Unknown agency " + signingAgency));
    String caseType = applications.require(applicationNo).getCaseTypeCode();
    return new Authority(agency.getLevel().name(), catalog.categoryOf(caseType).name(),
        agency.getNameZh() + " " + agency.getNameEn());
  }

  /** The case's signatures so far, for the signer to read. */
  @Transactional(readOnly = true)
  public String earlierSignOffs(String applicationNo) {
    return chain.of(applicationNo).stream()
        .map(s -> "%s %s %s %s%s：%s %s".formatted(
            WHEN.format(s.getSignedAt().atZone(zone)), s.getAgency(), s.getRole(), s.getUserId(),
            s.getActingFor() == null ? "" : "（代理 acting for " + s.getActingFor() + "）", s.getOutcome(),
            s.getOpinion()))
        .collect(Collectors.joining("\n"));
  }

  /** Nobody signs a draft they wrote, nor takes it to sign. */
  public void mayTake(String user, String draftedBy) {
    if (user != null && user.equals(draftedBy)) {
      throw new Refusal("您是此案擬稿人，不能核可；請由同一職務的他人核可。"
          + " You drafted this decision, so you cannot sign it off; another person of the signing role must.");
    }
  }

  /**
   * A signature, by a signed-in person who did not draft it, in the name of the agency and role
   * the task was offered to, appended to the application's chain with the draft it was given to.
   * A deputy (職務代理) signs in the absent person's role and the chain names both; they do not
   * sign the same draft twice, once in their own role and again in their colleague's, since the
   * delegation of authority asks for two people there.
   */
  public void sign(String applicationNo, int level, AgencyRole signing, String signer, String draftedBy,
      SignedDraft draft, String outcome, String opinion) {
    if (signer == null) {
      throw new Refusal("核可須由登入者為之，請先認領此任務。 A sign-off must be made by a signed-in person; claim the task first.");
    }
    mayTake(signer, draftedBy);
    ActingDeputies acting = deputies.getIfAvailable();
    String actingFor = acting == null ? null
        : acting.actingFor(signer, AgencyGroups.groupId(signing.agencyCode(), signing.role())).orElse(null);
    if (actingFor != null && signedThisDraftAlready(applicationNo, signer)) {
      throw new Refusal("您已核可過此稿，不能再以代理人身分核可；請由" + actingFor + "本人或他人核可。 You have signed this draft"
          + " already, so you cannot sign it again as " + actingFor + "'s deputy; the delegation of authority asks for"
          + " another person here.");
    }
    if (draft.kind() != DecisionKind.MINUTES) {
      draft = draft.withFacts(facts.orderedStream().map(f -> f.of(applicationNo)).flatMap(java.util.Optional::stream)
          .collect(java.util.stream.Collectors.joining("\n")));
    }
    chain.append(
        applicationNo, level, signing.agencyCode(), signing.role().name(), signer, actingFor, draft, outcome, opinion);
  }

  /** Whether the person signed since the draft was last returned, i.e. this draft. */
  private boolean signedThisDraftAlready(String applicationNo, String signer) {
    List<SignOff> signatures = chain.of(applicationNo);
    for (int i = signatures.size() - 1; i >= 0 && !TaskOutcome.RETURN.is(signatures.get(i).getOutcome()); i--) {
      if (signer.equals(signatures.get(i).getUserId())) {
        return true;
      }
    }
    return false;
  }

  /** The last signer's answer decides: a RETURN sends the draft back with its reasons. */
  public static Result conclude(boolean returned, String lastOpinion) {
    return returned ? new Result(SignOffProcess.RETURNED, lastOpinion) : new Result(SignOffProcess.SIGNED, null);
  }
}
