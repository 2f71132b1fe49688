package org.caserouting.platform;

import java.time.Instant;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;

/**
 * A date and time as a clerk picked or typed it in a form: with its offset, or local to the city
 * (2026-12-01T10:00); anything else is refused in the clerk's words.
 */
public final class DateTimeInput {

  private DateTimeInput() {}

  public static Instant parse(String text, String field, ZoneId zone) {
    if (text == null || text.isBlank()) {
      throw new Refusal(field + "：須填日期時間 is required (a date and time, e.g. 2026-12-01T10:00).");
    }
    try {
      return OffsetDateTime.parse(text).toInstant();
    } catch (DateTimeParseException withoutOffset) {
      try {
        return LocalDateTime.parse(text).atZone(zone).toInstant();
      } catch (DateTimeParseException e) {
        throw new Refusal(field + "：不是日期時間 is not a date and time such as 2026-12-01T10:00: '" + text + "'");
      }
    }
  }
}
