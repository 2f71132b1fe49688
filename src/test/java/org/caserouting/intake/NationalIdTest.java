package org.caserouting.intake;

import static org.assertj.core.api.Assertions.assertThat;

import org.caserouting.cases.NationalId;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NationalIdTest {

  @ParameterizedTest
  @ValueSource(strings = {"A123456789", "F231234561", "Z100000002", "A800000014"})
  void acceptsNumbersWithACorrectCheckDigit(String id) {
    assertThat(NationalId.Validator.isValid(id)).isTrue();
  }

  @ParameterizedTest
  @ValueSource(strings = {"A123456788", "A323456789", "a123456789", "A12345678", "A1234567890", "AB23456789", "１23456789"})
  void refusesAnythingElse(String id) {
    assertThat(NationalId.Validator.isValid(id)).isFalse();
  }
}
