package org.caserouting.platform;

import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/**
 * A submission made at most once per Idempotency-Key: the portal resends after a lost answer or a
 * 503, and the citizen must not get two cases. A request sent again gets the first answer back,
 * but only the same caller with the same body: a different body is a mistake the caller should
 * hear of, and another caller's key is none of its business; it learns nothing of what the key
 * was used for. Applications and reported changes both go through here.
 *
 * @param <T> the answer the caller gets, the first time and on a replay
 */
public final class IdempotentSubmission<T> {

  /** The header the caller sends its key in. */
  public static final String KEY_HEADER = "Idempotency-Key";
  /** The header that tells the caller whether the answer is the first one again. */
  public static final String REPLAYED_HEADER = "Idempotent-Replayed";

  private final String numberField;
  private final Function<String, Optional<First<T>>> firstByKey;

  /** What a key made the first time: who sent it, the fingerprint of the body, and the answer. */
  public record First<T>(String caller, String requestHash, String number, T answer) {}

  /** The answer, the number the submission made, and whether this was a resend. */
  public record Result<T>(T answer, String number, boolean replayed) {

    /** 201 Created, the new record's location, and whether it is the first answer again. */
    public ResponseEntity<T> created() {
      return ResponseEntity.status(HttpStatus.CREATED)
          .location(ServletUriComponentsBuilder.fromCurrentRequest().path("/{number}").buildAndExpand(number).toUri())
          .header(REPLAYED_HEADER, Boolean.toString(replayed))
          .body(answer);
    }
  }

  /** What {@link #submit} does the first time: make the record from the body's fingerprint. */
  public interface Creation<T> {
    Result<T> create(String requestHash);
  }

  /**
   * @param numberField what the number is called in a problem (applicationNo, changeNo)
   * @param firstByKey the record made under a key, if any; told to nobody but its own caller
   */
  public IdempotentSubmission(String numberField, Function<String, Optional<First<T>>> firstByKey) {
    this.numberField = numberField;
    this.firstByKey = firstByKey;
  }

  /**
   * Creates, unless the key made something before. Two requests with the same key at the same
   * moment both create; the database's unique key lets one through, and the other answers as a resend.
   *
   * @param key the caller's Idempotency-Key; null when it sent none, and then every call creates
   */
  public Result<T> submit(String key, Object request, String caller, Creation<T> creation) {
    if (key != null && !key.matches("[\\x21-\\x7e]{1,128}")) {
      throw new InvalidKey();
    }
    String hash = RequestHash.of(request);
    Optional<Result<T>> earlier = replay(key, hash, caller);
    if (earlier.isPresent()) {
      return earlier.get();
    }
    try {
      return creation.create(hash);
    } catch (DataIntegrityViolationException raced) {
      return replay(key, hash, caller).orElseThrow(() -> raced);
    }
  }

  private Optional<Result<T>> replay(String key, String hash, String caller) {
    if (key == null) {
      return Optional.empty();
    }
    return firstByKey.apply(key).map(first -> {
      // null for records made before callers were kept
      if (first.caller() != null && !first.caller().equals(caller)) {
        throw new KeyOfAnotherCaller(key);
      }
      if (!Objects.equals(first.requestHash(), hash)) {
        throw new KeyReused(key, numberField, first.number());
      }
      return new Result<>(first.answer(), first.number(), true);
    });
  }

  static final class InvalidKey extends ApiProblem {
    InvalidKey() {
      super(HttpStatus.BAD_REQUEST, "invalid-request", "Invalid request",
          "Idempotency-Key 須為 1 至 128 個可見 ASCII 字元。 The Idempotency-Key header must be 1 to 128 visible ASCII characters.",
          Map.of("errors", List.of(new InvalidField(KEY_HEADER, "must be 1 to 128 visible ASCII characters"))));
    }
  }

  static final class KeyReused extends ApiProblem {
    KeyReused(String key, String numberField, String number) {
      super(HttpStatus.CONFLICT, "idempotency-key-reused", "Idempotency key already used",
          "此 Idempotency-Key 已用於 " + number + "，內容不同；新的請求請用新的 key。 The Idempotency-Key '" + key
              + "' was used for " + number + " with a different body; use a new key for a new request.",
          Map.of(numberField, number));
    }
  }

  static final class KeyOfAnotherCaller extends ApiProblem {
    KeyOfAnotherCaller(String key) {
      super(HttpStatus.CONFLICT, "idempotency-key-reused", "Idempotency key already used",
          "此 Idempotency-Key 已由其他呼叫者使用，請用自己的 key。 The Idempotency-Key '" + key
              + "' was used by another caller; use a key of your own.", Map.of());
    }
  }
}
