package org.caserouting.meanstest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.caserouting.meanstest.Household.Person;
import org.caserouting.meanstest.MeansTest.Finding;
import org.caserouting.meanstest.MeansTest.Member;
import org.caserouting.meanstest.MeansTest.Proposal;
import org.caserouting.support.CaseRouterTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The means test proposed from a household's figures, against the thresholds Taipei announced
 * for the year of the application (demo figures, dmn/means-test-thresholds.dmn): in 2026 the
 * minimum living expense is 21,010 a month, 31,515 for middle-low income; movable property
 * 150,000 (225,000) per person; immovable property 7,650,000 (8,900,000) per household.
 */
@CaseRouterTest
class MeansTestTest {

  private static final LocalDate IN_2026 = LocalDate.of(2026, 3, 2);

  @Autowired MeansTest meansTest;

  @Test
  void anElderlyPersonLivingAloneBelowTheMinimumLivingExpenseIsLowIncome() {
    Proposal proposal = meansTest.propose("TPE", IN_2026, List.of(member(12_000, 80_000, 0)));

    assertThat(proposal.level()).isEqualTo(MeansTestLevel.LOW_INCOME);
    assertThat(proposal.reasons()).extracting(Finding::test).containsExactly("INCOME", "MOVABLE", "IMMOVABLE");
    assertThat(proposal.reasons()).allSatisfy(finding -> {
      assertThat(finding.met()).isTrue();
      assertThat(finding.basis()).startsWith("社會救助法第4條第1項");
    });
    assertThat(proposal.averages().incomePerPerson()).isEqualByComparingTo("12000");
  }

  @Test
  void aFamilyBetweenOneAndOneAndAHalfTimesTheExpenseIsMiddleLowIncomeAndToldWhyNotLow() {
    // 4 counted members, 100,000 a month in all: 25,000 each.
    Proposal proposal = meansTest.propose("TPE", IN_2026, List.of(
        member(60_000, 200_000, 3_000_000), member(40_000, 100_000, 0),
        member(0, 50_000, 0), member(0, 50_000, 0)));

    assertThat(proposal.level()).isEqualTo(MeansTestLevel.MIDDLE_LOW_INCOME);
    assertThat(proposal.averages().incomePerPerson()).isEqualByComparingTo("25000");
    assertThat(proposal.averages().movablePerPerson()).isEqualByComparingTo("100000");
    assertThat(proposal.reasons()).filteredOn(finding -> !finding.met()).singleElement().satisfies(finding -> {
      assertThat(finding.level()).isEqualTo(MeansTestLevel.LOW_INCOME);
      assertThat(finding.reason()).contains("超過最低生活費", "above the minimum living expense");
    });
    assertThat(proposal.reasons()).filteredOn(Finding::met).extracting(Finding::basis)
        .allMatch(basis -> basis.startsWith("社會救助法第4條之1第1項"));
  }

  @Test
  void aHouseholdJustAboveOneAndAHalfTimesIsNotEligibleAndToldExactlyWhy() {
    Proposal proposal = meansTest.propose("TPE", IN_2026, List.of(member(31_516, 0, 0)));

    assertThat(proposal.level()).isEqualTo(MeansTestLevel.NOT_ELIGIBLE);
    assertThat(proposal.reasons()).singleElement().satisfies(finding -> {
      assertThat(finding.test()).isEqualTo("INCOME");
      assertThat(finding.reason()).contains("1.5 倍", "above 1.5 times the minimum living expense");
      assertThat(finding.basis()).startsWith("社會救助法第4條之1第1項");
    });
    assertThat(meansTest.propose("TPE", IN_2026, List.of(member(31_515, 0, 0))).level())
        .as("exactly at the line is within it").isEqualTo(MeansTestLevel.MIDDLE_LOW_INCOME);
  }

  @Test
  void propertyAboveItsLimitAloneKeepsAHouseholdFromTheLevel() {
    Proposal proposal = meansTest.propose("TPE", IN_2026, List.of(member(10_000, 160_000, 0)));

    assertThat(proposal.level()).isEqualTo(MeansTestLevel.MIDDLE_LOW_INCOME);
    assertThat(proposal.reasons()).filteredOn(finding -> !finding.met()).extracting(Finding::test).containsExactly("MOVABLE");
  }

  @Test
  void theYearOfTheApplicationsDateChoosesTheThresholdsWhicheverTableIsDeployed() {
    List<Member> household = List.of(member(21_000, 0, 0));

    assertThat(meansTest.propose("TPE", LocalDate.of(2025, 12, 31), household).level())
        .as("2025: 21,000 is above that year's 20,649").isEqualTo(MeansTestLevel.MIDDLE_LOW_INCOME);
    assertThat(meansTest.propose("TPE", LocalDate.of(2026, 1, 1), household).level())
        .as("2026: 21,000 is within 21,010").isEqualTo(MeansTestLevel.LOW_INCOME);
    assertThat(meansTest.propose("KHH", LocalDate.of(2026, 1, 1), household).level())
        .as("Kaohsiung's own thresholds").isEqualTo(MeansTestLevel.MIDDLE_LOW_INCOME);
  }

  @Test
  void everyThresholdSaysItIsDemoDataAndWhichAnnouncementToCheck() {
    Thresholds thresholds = meansTest.thresholds("TPE", IN_2026);

    assertThat(thresholds.demoData()).isTrue();
    assertThat(thresholds.source()).contains("臺北市", "115年度");
    assertThat(thresholds.middleLowIncomeLine()).isEqualByComparingTo(thresholds.minimumLivingExpense().multiply(new BigDecimal("1.5")));
  }

  @Test
  void aYearWithoutAnnouncedThresholdsIsRefusedNeverGuessed() {
    assertThatThrownBy(() -> meansTest.propose("TPE", LocalDate.of(2031, 1, 2), List.of(member(0, 0, 0))))
        .isInstanceOf(MeansTest.NoThresholds.class)
        .hasMessageContaining("TPE").hasMessageContaining("2031");
  }

  @Test
  void onlyTheCountedShareTheIncomeAndEachPersonShowsWhy() {
    Person applicant = new Person("A123456789", "王大明", null, true, true, false, null);
    Person child = new Person("A134567890", "王小明", Relation.CHILD, false, false, false, null);
    Person sibling = new Person("A167890123", "王二明", Relation.SIBLING, true, true, false, null);
    Person jailed = new Person("A145678901", "王小華", Relation.CHILD, true, false, false, null);
    List<Household.Reckoned> household = Household.reckon(applicant, List.of(child, sibling, jailed), Map.of(
        jailed.nationalId(), new Household.ClerkExclusion(Exclusion.IMPRISONED_OR_DETAINED, "服刑中", "do-daan-clerk")));

    MeansTest.Reckoning reckoning = meansTest.reckon("TPE", IN_2026, household, Map.of(
        applicant.nationalId(), member(0, 50_000, 0),
        child.nationalId(), member(40_000, 50_000, 0),
        sibling.nationalId(), member(90_000, 900_000, 0)));

    assertThat(reckoning.proposal().averages().countedMembers()).isEqualTo(2);
    assertThat(reckoning.proposal().averages().incomePerPerson()).as("the sibling's income is not the household's")
        .isEqualByComparingTo("20000");
    assertThat(reckoning.proposal().level()).isEqualTo(MeansTestLevel.LOW_INCOME);
    assertThat(reckoning.members()).extracting(MeansTest.MemberLine::initials, MeansTest.MemberLine::counted)
        .containsExactly(tuple("王○○", true), tuple("王○○", true), tuple("王○○", false), tuple("王○○", false));
    assertThat(reckoning.members().get(3).note()).contains("服刑中");
    assertThat(reckoning.members().get(2).figures()).as("figures of someone not counted are not used").isNull();
  }

  @Test
  void aCountedMemberWithoutFiguresStopsTheProposalRatherThanCountingZero() {
    Person applicant = new Person("A123456789", "王大明", null, true, true, false, null);
    Person spouse = new Person("B223456789", "李美華", Relation.SPOUSE, false, false, false, null);

    assertThatThrownBy(() -> meansTest.reckon("TPE", IN_2026, Household.reckon(applicant, List.of(spouse), Map.of()),
        Map.of(applicant.nationalId(), member(0, 0, 0))))
        .isInstanceOf(MeansTest.MissingFigures.class).hasMessageContaining("李○○").hasMessageContaining("never counted as zero");
  }

  private static Member member(long income, long movable, long immovable) {
    return new Member(BigDecimal.valueOf(income), BigDecimal.valueOf(movable), BigDecimal.valueOf(immovable));
  }
}
