package org.caserouting.platform;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/** SHA-256 in hex, and the length-prefixed form our hash chains hash, so fields cannot run together. */
public final class Sha256 {

  private Sha256() {}

  public static String of(String text) {
    return of(text.getBytes(StandardCharsets.UTF_8));
  }

  public static String of(byte[] bytes) {
    try {
      return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }

  /** HMAC-SHA256 of the text under the key, in hex: a code that stands for the text only to whoever holds the key. */
  public static String hmac(byte[] key, String text) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is missing from this JVM", e);
    }
  }

  /** "tag|len:field|len:field..." hashed; null fields count as empty. */
  public static String ofFields(String tag, Object... fields) {
    StringBuilder canonical = new StringBuilder(tag);
    for (Object field : fields) {
      String text = field == null ? "" : field.toString();
      canonical.append('|').append(text.length()).append(':').append(text);
    }
    return of(canonical.toString());
  }
}
