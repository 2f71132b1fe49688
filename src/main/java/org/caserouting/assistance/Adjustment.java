package org.caserouting.assistance;

import java.math.BigDecimal;
import java.time.Instant;
import org.caserouting.meanstest.Exclusion;
import org.caserouting.meanstest.FigureKind;

/**
 * A clerk's change to what the system proposed, with the written reason: a person left out of the
 * household on a ground of §5 III, or one figure of a person set (from a contact slip's answer, or
 * where §5-3 says a member cannot work). Kept, never edited; a later one on the same person and
 * figure takes the place of an earlier one.
 */
public record Adjustment(long id, String nationalId, Kind kind, Exclusion ground, FigureKind figure, BigDecimal amount,
    String reason, String madeBy, Instant madeAt) {

  /** What the clerk changed. */
  public enum Kind {
    LEAVE_OUT("不列入應計算人口", "Left out of the household"),
    SET_FIGURE("調整數額", "Figure set");

    private final String nameZh;
    private final String nameEn;

    Kind(String nameZh, String nameEn) {
      this.nameZh = nameZh;
      this.nameEn = nameEn;
    }

    public String label() {
      return nameZh + " " + nameEn;
    }
  }
}
