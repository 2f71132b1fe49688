package org.caserouting.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecisionResult;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class OnlineEligibilityDecisionTest {

  private static final DecisionTables TABLE =
      DecisionTables.load("dmn/online-eligibility.dmn", OnlineEligibilityDecision.KEY);

  /** A fully online type: allowed online, nothing to attach, no field step. Tests change one thing. */
  private static final class Facts {
    private final Map<String, Object> inputs = new HashMap<>();

    Facts() {
      inputs.put(OnlineEligibilityDecision.ONLINE_ALLOWED, true);
      inputs.put(OnlineEligibilityDecision.GOV_DB_VERIFIABLE_COUNT, 0);
      inputs.put(OnlineEligibilityDecision.UPLOADABLE_COUNT, 0);
      inputs.put(OnlineEligibilityDecision.ORIGINAL_REQUIRED_COUNT, 0);
      inputs.put(OnlineEligibilityDecision.IN_PERSON_IDENTITY_COUNT, 0);
      inputs.put(OnlineEligibilityDecision.SITE_INSPECTION, false);
      inputs.put(OnlineEligibilityDecision.PHYSICAL_ITEM_REVIEW, false);
      inputs.put(OnlineEligibilityDecision.HOME_VISIT, false);
      inputs.put(OnlineEligibilityDecision.IN_PERSON_HEARING, false);
    }

    Facts with(String input, Object value) {
      inputs.put(input, value);
      return this;
    }

    Map<String, Object> inputs() {
      return inputs;
    }
  }

  private static Map<String, Object> decide(Facts facts) {
    DmnDecisionResult result = TABLE.evaluate(facts.inputs());
    assertThat(result).as("exactly one answer").hasSize(1);
    return result.getSingleResult().getEntryMap();
  }

  private static void assertDecision(Facts facts, String channel, String reasonCode) {
    Map<String, Object> answer = decide(facts);
    assertThat(answer)
        .containsEntry(OnlineEligibilityDecision.CHANNEL, channel)
        .containsEntry(OnlineEligibilityDecision.REASON_CODE, reasonCode);
    assertThat((String) answer.get(OnlineEligibilityDecision.REASON)).isNotBlank();
    assertThat((String) answer.get(OnlineEligibilityDecision.REASON_EN)).isNotBlank();
  }

  @Test
  void notOnlineItemIsCounterOnlyEvenWithNothingToAttach() {
    assertDecision(new Facts().with(OnlineEligibilityDecision.ONLINE_ALLOWED, false), "COUNTER_ONLY", "NOT_ONLINE_ITEM");
  }

  @Test
  void anOriginalDocumentMakesItCounterOnly() {
    assertDecision(new Facts().with(OnlineEligibilityDecision.ORIGINAL_REQUIRED_COUNT, 1), "COUNTER_ONLY", "ORIGINAL_REQUIRED");
  }

  @Test
  void appearingInPersonMakesItCounterOnly() {
    assertDecision(new Facts().with(OnlineEligibilityDecision.IN_PERSON_IDENTITY_COUNT, 1), "COUNTER_ONLY", "IN_PERSON_IDENTITY");
  }

  @Test
  void fiveUploadsCanStillBeHandledOnline() {
    assertDecision(new Facts().with(OnlineEligibilityDecision.UPLOADABLE_COUNT, 5), "FULLY_ONLINE", "FULLY_ONLINE");
  }

  @Test
  void sixUploadsAreTooManyToScan() {
    assertDecision(new Facts().with(OnlineEligibilityDecision.UPLOADABLE_COUNT, 6), "COUNTER_ONLY", "TOO_MANY_DOCUMENTS");
  }

  @ParameterizedTest
  @CsvSource({
    "siteInspection, SITE_INSPECTION",
    "physicalItemReview, PHYSICAL_ITEM_REVIEW",
    "homeVisit, HOME_VISIT",
    "inPersonHearing, IN_PERSON_HEARING"
  })
  void aFieldStepKeepsItOnlineWithThatStep(String activity, String reasonCode) {
    assertDecision(new Facts().with(activity, true), "ONLINE_WITH_FIELD_STEP", reasonCode);
  }

  @Test
  void nothingOnPaperAndNoFieldStepIsFullyOnline() {
    assertDecision(new Facts().with(OnlineEligibilityDecision.UPLOADABLE_COUNT, 2), "FULLY_ONLINE", "FULLY_ONLINE");
  }

  @Test
  void aCounterReasonOutranksAFieldStep() {
    assertDecision(
        new Facts()
            .with(OnlineEligibilityDecision.ORIGINAL_REQUIRED_COUNT, 1)
            .with(OnlineEligibilityDecision.SITE_INSPECTION, true),
        "COUNTER_ONLY",
        "ORIGINAL_REQUIRED");
  }

  @Test
  void documentsTheGovernmentHoldsNeverBlockOnlineProcessing() {
    for (Facts facts : everyCombination()) {
      Map<String, Object> without = decide(facts.with(OnlineEligibilityDecision.GOV_DB_VERIFIABLE_COUNT, 0));
      Map<String, Object> with = decide(facts.with(OnlineEligibilityDecision.GOV_DB_VERIFIABLE_COUNT, 12));
      assertThat(with).as("with 12 database documents, %s", facts.inputs()).isEqualTo(without);
    }
  }

  @Test
  void everyCombinationOfInputsGetsExactlyOneKnownChannel() {
    for (Facts facts : everyCombination()) {
      assertThat(decide(facts).get(OnlineEligibilityDecision.CHANNEL))
          .as("%s", facts.inputs())
          .isIn("FULLY_ONLINE", "ONLINE_WITH_FIELD_STEP", "COUNTER_ONLY");
    }
  }

  /** Every boolean both ways and every count across its boundaries: 2^5 x 3 x 2 x 2 = 384 cases. */
  private static List<Facts> everyCombination() {
    List<Facts> all = new ArrayList<>();
    for (int flags = 0; flags < 32; flags++) {
      for (int uploads : new int[] {0, 5, 6}) {
        for (int originals : new int[] {0, 1}) {
          for (int inPerson : new int[] {0, 2}) {
            all.add(
                new Facts()
                    .with(OnlineEligibilityDecision.ONLINE_ALLOWED, (flags & 1) != 0)
                    .with(OnlineEligibilityDecision.SITE_INSPECTION, (flags & 2) != 0)
                    .with(OnlineEligibilityDecision.PHYSICAL_ITEM_REVIEW, (flags & 4) != 0)
                    .with(OnlineEligibilityDecision.HOME_VISIT, (flags & 8) != 0)
                    .with(OnlineEligibilityDecision.IN_PERSON_HEARING, (flags & 16) != 0)
                    .with(OnlineEligibilityDecision.UPLOADABLE_COUNT, uploads)
                    .with(OnlineEligibilityDecision.ORIGINAL_REQUIRED_COUNT, originals)
                    .with(OnlineEligibilityDecision.IN_PERSON_IDENTITY_COUNT, inPerson));
          }
        }
      }
    }
    return all;
  }
}
