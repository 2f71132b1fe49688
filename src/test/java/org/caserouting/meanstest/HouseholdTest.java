package org.caserouting.meanstest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import java.util.Map;
import org.caserouting.meanstest.Household.ClerkExclusion;
import org.caserouting.meanstest.Household.Person;
import org.caserouting.meanstest.Household.Reckoned;
import org.caserouting.platform.Refusal;
import org.junit.jupiter.api.Test;

/** Who the means test counts (社會救助法 §5), as the household registration and the clerk present them. */
class HouseholdTest {

  private static final Person APPLICANT = new Person("A123456789", "王大明", null, true, true, false, null);

  @Test
  void anElderlyPersonLivingAloneIsAHouseholdOfOne() {
    List<Reckoned> household = Household.reckon(APPLICANT, List.of(), Map.of());

    assertThat(household).singleElement().satisfies(applicant -> {
      assertThat(applicant.counted()).isTrue();
      assertThat(applicant.initials()).isEqualTo("王○○");
    });
  }

  @Test
  void aWorkingChildRegisteredElsewhereIsCountedLikeTheSpouse() {
    Person spouse = new Person("B223456789", "李美華", Relation.SPOUSE, true, true, false, null);
    Person child = new Person("A134567890", "王小明", Relation.CHILD, false, false, false, null);

    List<Reckoned> household = Household.reckon(APPLICANT, List.of(spouse, child), Map.of());

    assertThat(household).filteredOn(Reckoned::counted).extracting(r -> r.person().name())
        .containsExactly("王大明", "李美華", "王小明");
    assertThat(household.get(2).basis()).contains("第5條第1項第1、2款", "first degree");
  }

  @Test
  void otherLinealRelativesCountOnlyWhenRegisteredOrLivingTogetherAndSiblingsNever() {
    Person grandchildHere = new Person("A145678901", "王小華", Relation.GRANDCHILD, true, true, false, null);
    Person grandchildAway = new Person("A156789012", "王小英", Relation.GRANDCHILD, false, false, false, null);
    Person sibling = new Person("A167890123", "王二明", Relation.SIBLING, true, true, false, null);

    List<Reckoned> household = Household.reckon(APPLICANT, List.of(grandchildHere, grandchildAway, sibling), Map.of());

    assertThat(household).filteredOn(Reckoned::counted).extracting(r -> r.person().name())
        .containsExactly("王大明", "王小華");
    assertThat(household.get(1).basis()).contains("第3款");
    assertThat(household.get(3).note()).contains("Not of the household");
  }

  @Test
  void aTaxpayerWhoClaimsTheHouseholdAsDependantsIsCounted() {
    Person uncle = new Person("A178901234", "王三明", Relation.OTHER, false, false, true, null);

    assertThat(Household.reckon(APPLICANT, List.of(uncle), Map.of()).get(1))
        .satisfies(reckoned -> {
          assertThat(reckoned.counted()).isTrue();
          assertThat(reckoned.basis()).contains("第4款");
        });
  }

  @Test
  void aClerkLeavesOutAMemberServingASentenceWithAWrittenReasonOnTheRecord() {
    Person child = new Person("A134567890", "王小明", Relation.CHILD, false, false, false, null);
    ClerkExclusion exclusion = new ClerkExclusion(Exclusion.IMPRISONED_OR_DETAINED, "臺北監獄執行中，刑期至2027年", "do-daan-clerk");

    Reckoned reckoned = Household.reckon(APPLICANT, List.of(child), Map.of(child.nationalId(), exclusion)).get(1);

    assertThat(reckoned.counted()).isFalse();
    assertThat(reckoned.basis()).contains("第5條第3項", "入獄服刑");
    assertThat(reckoned.note()).contains("臺北監獄執行中", "do-daan-clerk");
  }

  @Test
  void leavingSomeoneOutWithoutAReasonIsRefused() {
    Person child = new Person("A134567890", "王小明", Relation.CHILD, false, false, false, null);

    assertThatThrownBy(() -> Household.reckon(APPLICANT, List.of(child),
        Map.of(child.nationalId(), new ClerkExclusion(Exclusion.MISSING, " ", "do-daan-clerk"))))
        .isInstanceOf(Refusal.class).hasMessageContaining("王小明").hasMessageContaining("written reason");
  }
}
