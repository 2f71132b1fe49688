package org.caserouting.cases;

import org.caserouting.catalog.Category;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Component;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Hands out readable application numbers, year, category and a sequence per both: 2026-SW-000123.
 * Each number is taken in its own short transaction, so concurrent intakes wait on the counter
 * row only for an instant; a submission that fails afterwards leaves a gap, never a duplicate.
 */
@Component
public class ApplicationNumbers {

  private final JdbcTemplate jdbc;
  private final TransactionTemplate newTransaction;

  ApplicationNumbers(JdbcTemplate jdbc, PlatformTransactionManager transactions) {
    this.jdbc = jdbc;
    this.newTransaction = new TransactionTemplate(transactions);
    this.newTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
  }

  public String next(int year, Category category) {
    return next(year, category.code());
  }

  /** A number under a two-letter code of its own, such as CN for reported changes (2026-CN-000001). */
  public String next(int year, String code) {
    Long number = newTransaction.execute(status -> incrementAndRead(year, code));
    if (number == null) {
      try {
        newTransaction.executeWithoutResult(
            status ->
                jdbc.update(
                    "insert into application_counter (counter_year, category_code, last_number) values (?, ?, 0)",
                    year,
                    code));
      } catch (DuplicateKeyException anotherIntakeCreatedIt) {
        // the first number of the year for this category was taken at the same moment: the row exists
      }
      number = newTransaction.execute(status -> incrementAndRead(year, code));
    }
    return "%d-%s-%06d".formatted(year, code, number);
  }

  /** The incremented number, or null when the year's counter row does not exist yet. */
  private Long incrementAndRead(int year, String code) {
    int updated =
        jdbc.update(
            "update application_counter set last_number = last_number + 1"
                + " where counter_year = ? and category_code = ?",
            year,
            code);
    if (updated == 0) {
      return null;
    }
    return jdbc.queryForObject(
        "select last_number from application_counter where counter_year = ? and category_code = ?",
        Long.class,
        year,
        code);
  }
}
