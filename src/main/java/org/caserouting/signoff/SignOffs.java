package org.caserouting.signoff;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.stream.Collectors;
import org.caserouting.cases.ApplicationRepository;
import org.caserouting.catalog.Agency;
import org.caserouting.catalog.Catalog;
import org.caserouting.platform.AgencyGroups.AgencyRole;
import org.caserouting.platform.CalendarProperties;
import org.caserouting.platform.Refusal;
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

  SignOffs(Catalog catalog, SignOffChain chain, ApplicationRepository applications, CalendarProperties calendar) {
    this.catalog = catalog;
    this.chain = chain;
    this.applications = applications;
    this.zone = calendar.zone();
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
        .map(s -> "%s %s %s %s：%s %s".formatted(
            WHEN.format(s.getSignedAt().atZone(zone)), s.getAgency(), s.getRole(), s.getUserId(), s.getOutcome(),
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
   */
  public void sign(String applicationNo, int level, AgencyRole signing, String signer, String draftedBy,
      SignedDraft draft, String outcome, String opinion) {
    if (signer == null) {
      throw new Refusal("核可須由登入者為之，請先認領此任務。 A sign-off must be made by a signed-in person; claim the task first.");
    }
    mayTake(signer, draftedBy);
    chain.append(applicationNo, level, signing.agencyCode(), signing.role().name(), signer, draft, outcome, opinion);
  }

  /** The last signer's answer decides: a RETURN sends the draft back with its reasons. */
  public static Result conclude(boolean returned, String lastOpinion) {
    return returned ? new Result(SignOffProcess.RETURNED, lastOpinion) : new Result(SignOffProcess.SIGNED, null);
  }
}
