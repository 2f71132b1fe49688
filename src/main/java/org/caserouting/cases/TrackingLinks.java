package org.caserouting.cases;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Optional;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The applicant's own link to a case's progress: {@code /track/t/<token>} for an application,
 * {@code /track/change/t/<token>} for a reported change, where the token is 128 random bits. It is
 * in the answer to the submission and in every mail, and it always works: nobody can lock a citizen
 * out of it by guessing wrong at the look-up by number and ID suffix ({@link LookupGuard}).
 */
@Service
public class TrackingLinks {

  /** Which kind of case a token opens, and its number. */
  public enum Kind { APPLICATION, CHANGE }

  public record Opened(Kind kind, String caseNo) {}

  private static final SecureRandom RANDOM = new SecureRandom();

  private final JdbcTemplate jdbc;
  private final String trackUrl;

  TrackingLinks(JdbcTemplate jdbc, @Value("${caserouting.mail.track-url:http://localhost:8080/track}") String trackUrl) {
    this.jdbc = jdbc;
    this.trackUrl = trackUrl;
  }

  /** The public tracking page, where anyone may check a receipt. */
  public String trackPage() {
    return trackUrl;
  }

  /** The link for a case (an application or a change), made when first asked for. */
  @Transactional
  public String linkOf(String caseNo) {
    Kind kind = kindOf(caseNo);
    String table = kind == Kind.APPLICATION ? "application" : "change_report";
    String column = kind == Kind.APPLICATION ? "application_no" : "change_no";
    String token = token(table, column, caseNo);
    if (token == null) {
      jdbc.update("update " + table + " set tracking_token = ? where " + column + " = ? and tracking_token is null",
          newToken(), caseNo);
      token = token(table, column, caseNo);
    }
    return trackUrl + (kind == Kind.APPLICATION ? "/t/" : "/change/t/") + token;
  }

  /** The case a token opens; empty for a token nobody was given. */
  @Transactional(readOnly = true)
  public Optional<Opened> open(Kind kind, String token) {
    if (token == null || !token.matches("[A-Za-z0-9_-]{22}")) {
      return Optional.empty();
    }
    String sql = kind == Kind.APPLICATION
        ? "select application_no from application where tracking_token = ?"
        : "select change_no from change_report where tracking_token = ?";
    return jdbc.queryForList(sql, String.class, token).stream().findFirst().map(no -> new Opened(kind, no));
  }

  private Kind kindOf(String caseNo) {
    Integer applications = jdbc.queryForObject("select count(*) from application where application_no = ?", Integer.class, caseNo);
    if (applications != null && applications > 0) {
      return Kind.APPLICATION;
    }
    Integer changes = jdbc.queryForObject("select count(*) from change_report where change_no = ?", Integer.class, caseNo);
    if (changes != null && changes > 0) {
      return Kind.CHANGE;
    }
    throw new IllegalStateException("No application or change " + caseNo);
  }

  private String token(String table, String column, String caseNo) {
    List<String> tokens =
        jdbc.queryForList("select tracking_token from " + table + " where " + column + " = ?", String.class, caseNo);
    return tokens.isEmpty() ? null : tokens.get(0);
  }

  private static String newToken() {
    byte[] bits = new byte[16];
    RANDOM.nextBytes(bits);
    return Base64.getUrlEncoder().withoutPadding().encodeToString(bits);
  }
}
