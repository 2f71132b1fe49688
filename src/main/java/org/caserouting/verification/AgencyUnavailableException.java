package org.caserouting.verification;

/** The agency did not give a usable answer: down, slow, broken, or its circuit is open. */
public class AgencyUnavailableException extends RuntimeException {
  public AgencyUnavailableException(String message, Throwable cause) {
    super(message, cause);
  }
}
