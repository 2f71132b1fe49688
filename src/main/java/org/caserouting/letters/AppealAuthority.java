package org.caserouting.letters;

import java.util.Optional;
import java.util.function.Function;
import org.caserouting.catalog.Agency;
import org.caserouting.catalog.AgencyLevel;

/**
 * Where an appeal (訴願) against an agency's decision goes, by the Administrative Appeal Act §4:
 * against any agency of the city (its departments, their offices, the district offices), the city
 * government; against an agency under a ministry, that ministry; against a ministry, the Executive
 * Yuan.
 */
final class AppealAuthority {

  static final DecisionLetter.Party CITY = new DecisionLetter.Party("臺北市政府", "Taipei City Government");
  static final DecisionLetter.Party EXECUTIVE_YUAN = new DecisionLetter.Party("行政院", "Executive Yuan");

  private AppealAuthority() {}

  static DecisionLetter.Party of(Agency decidedBy, Function<String, Optional<Agency>> agencies) {
    if (decidedBy.getLevel() != AgencyLevel.CENTRAL) {
      return CITY;
    }
    return Optional.ofNullable(decidedBy.getParentCode()).flatMap(agencies)
        .map(parent -> new DecisionLetter.Party(parent.getNameZh(), parent.getNameEn()))
        .orElse(EXECUTIVE_YUAN);
  }
}
