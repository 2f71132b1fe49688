package org.caserouting.cases;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** The checksums of the numbers people and organisations are known by, as the issuing offices compute them. */
class IdentityNumbersTest {

  @ParameterizedTest
  @ValueSource(strings = {
      "A123456789", // a national ID
      "F231234561",
      "Z100000002",
      "A812345671", // a resident certificate in the 2021 format
      "A800000014",
      "AC12345679", // and in the older one, a letter in second place
      "FD12345676",
      "AB23456789"})
  void aPersonIsKnownByANationalIdOrAResidentCertificateOfEitherFormat(String id) {
    assertThat(NationalId.Validator.isValid(id)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"A123456788", "AC12345678", "A812345672", "AE12345679", "A323456789", "a123456789", "A12345678",
      "A1234567890", "１23456789"})
  void aWrongCheckDigitOrShapeIsRefused(String id) {
    assertThat(NationalId.Validator.isValid(id)).isFalse();
  }

  @ParameterizedTest
  @ValueSource(strings = {
      "22099131", // weighted sum 30: valid under the old rule (10) and the 2023 one (5)
      "10000004", // weighted sum 5: valid only since the 2023 rule
      "10000073", // seventh digit 7: its 28 counts as 1 or 0, and one of them fits
      "04595257"})
  void aBusinessNumberFitsTheRuleAsRevisedIn2023(String number) {
    assertThat(BusinessNo.Validator.isValid(number)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"10000000", "04595258", "1234567", "1234567A", "123456789"})
  void aBusinessNumberThatFitsNeitherRuleIsRefused(String number) {
    assertThat(BusinessNo.Validator.isValid(number)).isFalse();
  }
}
