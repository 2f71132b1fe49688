package org.caserouting.platform;

import java.util.Map;
import java.util.Objects;
import org.springframework.http.HttpStatus;

/**
 * A request sent again under an Idempotency-Key it was sent with before (the portal resends after
 * a lost answer or a 503). Only the same caller with the same body gets the first answer back;
 * a different body is a mistake the caller should hear of, and another caller's key is none of
 * its business: it learns nothing of what the key was used for.
 */
public final class IdempotentReplay {

  private IdempotentReplay() {}

  /**
   * Refuses the replay unless it is the first request again.
   *
   * @param firstCaller who sent the first request; null for records made before callers were kept
   * @param numberField and {@code number}: what the key made (applicationNo, changeNo), told
   *     only to its own caller
   */
  public static void require(
      String key, String firstCaller, String firstHash, String caller, String hash, String numberField, String number) {
    if (firstCaller != null && !firstCaller.equals(caller)) {
      throw new KeyOfAnotherCaller(key);
    }
    if (!Objects.equals(firstHash, hash)) {
      throw new KeyReused(key, numberField, number);
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
