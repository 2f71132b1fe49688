package org.caserouting.tracking;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.TransactionDefinition;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Guards the look-up by case number and ID suffix against guessing, from any number of addresses
 * and nodes: wrong suffixes are counted per case number in the database, and once a few typing
 * mistakes are used up each one doubles the wait before that number's next look-up, up to a day.
 * Guessing one of 10,000 suffixes then takes years. The wait holds the right suffix too, so it
 * tells a guesser nothing; the applicant's own tracking link ({@link TrackingLinks}) never waits.
 * Time is the engine's clock, which tests move.
 */
@Service
@EnableConfigurationProperties(LookupGuard.Properties.class)
public class LookupGuard {

  /**
   * @param freeGuesses wrong suffixes for a number before its look-ups have to wait
   * @param firstWait the wait after the first wrong suffix beyond those; doubling with each further one
   * @param longestWait the longest wait
   */
  @ConfigurationProperties("caserouting.tracking.guesses")
  public record Properties(
      @DefaultValue("3") int freeGuesses, @DefaultValue("PT1M") Duration firstWait, @DefaultValue("P1D") Duration longestWait) {}

  /** What a look-up answers: the case, nothing (unknown number or wrong suffix alike), or wait. */
  public sealed interface Lookup<T> {
    record Found<T>(T value) implements Lookup<T> {}

    record NotFound<T>() implements Lookup<T> {}

    record Wait<T>(Duration duration) implements Lookup<T> {}

    /** The found value turned into what is shown; nothing and a wait stay as they are. */
    default <R> Lookup<R> map(java.util.function.Function<T, R> view) {
      if (this instanceof Found<T> found) {
        return new Found<>(view.apply(found.value()));
      }
      if (this instanceof Wait<T> wait) {
        return new Wait<>(wait.duration());
      }
      return new NotFound<>();
    }
  }

  private final JdbcTemplate jdbc;
  private final Properties properties;
  private final TransactionTemplate ownTransaction;
  private final Clock clock;

  LookupGuard(JdbcTemplate jdbc, Properties properties, PlatformTransactionManager transactions, Clock clock) {
    this.clock = clock;
    this.jdbc = jdbc;
    this.properties = properties;
    this.ownTransaction = new TransactionTemplate(transactions);
    this.ownTransaction.setPropagationBehavior(TransactionDefinition.PROPAGATION_REQUIRES_NEW);
  }

  /**
   * The look-up of a case that exists (or not) with a suffix that is right (or not). A wrong suffix
   * is counted in a transaction of its own, so it is counted whatever the caller does next.
   */
  public <T> Lookup<T> lookUp(String caseNo, Optional<T> found, Predicate<T> rightSuffix) {
    if (found.isEmpty()) {
      return new Lookup.NotFound<>();
    }
    try {
      return ownTransaction.execute(status -> lookUpOnce(caseNo, found.get(), rightSuffix));
    } catch (DuplicateKeyException anotherNodeCountedFirst) {
      // Its first wrong suffix was counted by another request at the same moment: count on it.
      return ownTransaction.execute(status -> lookUpOnce(caseNo, found.get(), rightSuffix));
    }
  }

  private <T> Lookup<T> lookUpOnce(String caseNo, T found, Predicate<T> rightSuffix) {
    Instant now = clock.instant();
    List<Timestamp> openAt = jdbc.queryForList("select open_at from lookup_guard where case_no = ?", Timestamp.class, caseNo);
    if (!openAt.isEmpty() && openAt.get(0).toInstant().isAfter(now)) {
      return new Lookup.Wait<>(Duration.between(now, openAt.get(0).toInstant()));
    }
    if (rightSuffix.test(found)) {
      jdbc.update("delete from lookup_guard where case_no = ?", caseNo);
      return new Lookup.Found<>(found);
    }
    wrongSuffix(caseNo, now);
    return new Lookup.NotFound<>();
  }

  private void wrongSuffix(String caseNo, Instant now) {
    List<Integer> failures = jdbc.queryForList("select failures from lookup_guard where case_no = ? for update", Integer.class, caseNo);
    int count = failures.isEmpty() ? 1 : failures.get(0) + 1;
    Timestamp open = Timestamp.from(now.plus(waitAfter(count)));
    if (failures.isEmpty()) {
      jdbc.update("insert into lookup_guard (case_no, failures, last_failure_at, open_at) values (?, ?, ?, ?)",
          caseNo, count, Timestamp.from(now), open);
    } else {
      jdbc.update("update lookup_guard set failures = ?, last_failure_at = ?, open_at = ? where case_no = ?",
          count, Timestamp.from(now), open, caseNo);
    }
  }

  Duration waitAfter(int failures) {
    if (failures <= properties.freeGuesses()) {
      return Duration.ZERO;
    }
    Duration wait = properties.firstWait().multipliedBy(1L << Math.min(failures - properties.freeGuesses() - 1, 30));
    return wait.compareTo(properties.longestWait()) > 0 ? properties.longestWait() : wait;
  }
}
