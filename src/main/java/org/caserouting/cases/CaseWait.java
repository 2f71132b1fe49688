package org.caserouting.cases;

import java.time.OffsetDateTime;

/**
 * What a case waits for when nobody has a task to work: the applicant's documents until a date,
 * a joint site inspection on its day at its place, an appointment with the applicant. Told to the
 * portal and to the applicant, so a case never looks stuck.
 *
 * @param agency the agency the case waits with (which asked for the documents, which leads the inspection)
 * @param at the deadline for the documents, or the time of the inspection or appointment
 * @param place where the inspection or appointment is; null for documents
 * @param detail what is missing, or what the appointment is for
 */
public record CaseWait(Kind kind, String agency, OffsetDateTime at, String place, String detail) {

  public enum Kind {
    /** The applicant is to supply documents (補正). */
    APPLICANT_DOCUMENTS,
    /** The agencies meet at the site (聯合會勘). */
    JOINT_INSPECTION,
    /** An appointment with the applicant: a visit, a hearing, a review of items (現場作業). */
    FIELD_STEP
  }
}
