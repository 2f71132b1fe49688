package org.caserouting.cases;

import java.time.Instant;
import java.time.OffsetDateTime;

/**
 * A step an application is waiting in: which agency and role has it, since when and by when.
 * Clerks' names are never shown; whether someone has taken it up is.
 */
public record Stage(
    String step,
    String name,
    String agency,
    String agencyNameZh,
    String agencyNameEn,
    String role,
    Instant since,
    OffsetDateTime dueDate,
    boolean claimed) {}
