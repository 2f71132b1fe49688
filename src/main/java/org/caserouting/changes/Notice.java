package org.caserouting.changes;

/** One agency's part of a change report. */
public final class Notice {

  private Notice() {}

  /** How the agency is told. */
  public enum Channel {
    /** Through its update endpoint, by the gateway, with no clerk involved. */
    AUTOMATIC,
    /** As a task for its clerks. */
    TASK,
    /** Not at all: the citizen did not consent, and informs the agency themselves. */
    CITIZEN
  }

  /** Where the agency's answer stands. */
  public enum Status {
    WAITING,
    UPDATED,
    REJECTED,
    /** The time to answer and the grace after it passed without an answer. */
    NO_ANSWER,
    /** Left to the citizen (see {@link Channel#CITIZEN}). */
    NOT_CONSENTED
  }
}
