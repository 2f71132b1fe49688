package org.caserouting.signoff;

import java.util.Optional;

/**
 * Where a chain's head is certified outside the chain, so that removing its last rows shows: the
 * decision's signed receipt carries the head it was decided on.
 */
public interface CertifiedHeads {

  /** The last signature of a chain at a moment, by its place and hash. */
  record Head(int seq, String hash) {}

  /** The head the case's decision was certified with, if it was decided since chains were certified. */
  Optional<Head> certified(String applicationNo);
}
