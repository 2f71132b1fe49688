package org.caserouting.signoff;

import java.util.Optional;

/**
 * What the system computed for a case and the clerk settled, which a signer vouches for beside the
 * draft: the means test with the clerk's adjustments, for a type that has one. The text is kept
 * with each signature and covered by its hash.
 */
public interface DraftFacts {

  /** The settled facts of the case as one text, or empty when there are none for it. */
  Optional<String> of(String applicationNo);
}
