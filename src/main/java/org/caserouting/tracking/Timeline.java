package org.caserouting.tracking;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import org.caserouting.assistance.CaseMeansTest;

/**
 * What an applicant may see of their application: where it is, who handles it (agencies and
 * roles, never clerks' names), by when, what was decided and why, and which agencies looked at
 * their data; for a type with a means test, how it was reckoned (members by initials only, each
 * figure with its source, the averages against the thresholds, any adjustment and its reason).
 * Internal opinions and drafts are not part of it.
 */
public record Timeline(
    String applicationNo,
    String caseTypeZh,
    String caseTypeEn,
    String status,
    LocalDate dueDate,
    List<Step> steps,
    List<Waiting> waitingAt,
    List<Awaited> waitingFor,
    Outcome decision,
    Receipt receipt,
    List<DataAccess> dataAccess,
    List<OfficialRead> officialReads,
    CaseMeansTest.View meansTest) {

  /** One thing that happened, in order. */
  public record Step(Instant at, String kind, Agency agency, String detail, OffsetDateTime deadline) {}

  /** Who has the application now, in which role, and by when. */
  public record Waiting(Agency agency, String role, OffsetDateTime due) {}

  /** What the case waits for when nobody has it: the applicant's documents, the inspection day. */
  public record Awaited(String kind, Agency agency, OffsetDateTime at, String place, String detail) {}

  /** The decision, and the SHA-256 of its letter (處分書) when one was made, to fetch and to check it by. */
  public record Outcome(String decision, String reasons, Instant decidedAt, String letterSha256) {}

  /** The latest signed receipt or decision, compact JWS, for the QR code and for verification. */
  public record Receipt(String kind, Instant issuedAt, String jws) {}

  /** An agency's query to another agency about the applicant, or a query refused, and why. */
  public record DataAccess(Instant at, Agency askedBy, Agency askedOf, String service, String purpose, String fields,
      String outcome) {}

  /**
   * Staff of an agency opening the applicant's case file or one of their documents: the office and
   * the role, never the person's name; the document by its name.
   */
  public record OfficialRead(Instant at, Agency agency, String role, String what, String documentZh, String documentEn) {}

  public record Agency(String code, String nameZh, String nameEn) {}
}
