package org.caserouting.meanstest;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.List;

/**
 * One figure of one person, as the test counts it (income per month, property at its value), and
 * where it came from: the agency's answer with the number of the query in the case's evidence
 * chain, the law's imputation, or a clerk's adjustment with its written reason.
 *
 * @param evidence the query's number in the case's evidence chain (查證紀錄), when an agency gave it
 * @param note how the figure was reached (a yearly amount divided by 12, the basic wage, the reason)
 */
public record Figure(FigureKind kind, BigDecimal amount, String source, Instant at, Integer evidence, String note) {

  /** One person's figures summed as the test reads them. */
  public static MeansTest.Member member(List<Figure> figures) {
    return new MeansTest.Member(sum(figures, FigureKind.Total.INCOME), sum(figures, FigureKind.Total.MOVABLE),
        sum(figures, FigureKind.Total.IMMOVABLE));
  }

  private static BigDecimal sum(List<Figure> figures, FigureKind.Total total) {
    return figures.stream().filter(f -> f.kind().total() == total).map(Figure::amount)
        .reduce(BigDecimal.ZERO, BigDecimal::add);
  }
}
