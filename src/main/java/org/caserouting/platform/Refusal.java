package org.caserouting.platform;

/**
 * What the rules refuse a person who asked, in words for that person: an objection approved
 * without an answer, a draft signed by its drafter, an inspection in the past. The domain throws it
 * knowing nothing of the engine; the engine's doors answer it 400, as a bad request.
 */
public class Refusal extends RuntimeException {

  private static final long serialVersionUID = 1L;

  public Refusal(String message) {
    super(message);
  }
}
