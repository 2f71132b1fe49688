package org.caserouting.cases;

import jakarta.validation.Constraint;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;
import jakarta.validation.Payload;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A Taiwanese national identification number (or the 2021 uniform ID of foreign residents): one
 * letter for the place of first registration, 1/2 (or 8/9) for the holder, seven digits and a
 * check digit. Null is left to {@code @NotBlank}.
 */
@Documented
@Constraint(validatedBy = NationalId.Validator.class)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT})
@Retention(RetentionPolicy.RUNTIME)
public @interface NationalId {

  String message() default "is not a valid national ID (one letter, then 9 digits with a correct check digit)";

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};

  /** The number each first letter stands for in the checksum; the order is the law's, not the alphabet's. */
  String LETTERS = "ABCDEFGHJKLMNPQRSTUVXYWZIO";

  final class Validator implements ConstraintValidator<NationalId, String> {
    @Override
    public boolean isValid(String value, ConstraintValidatorContext context) {
      return value == null || isValid(value);
    }

    public static boolean isValid(String id) {
      if (!id.matches("[A-Z][1289][0-9]{8}")) {
        return false;
      }
      int area = LETTERS.indexOf(id.charAt(0)) + 10;
      int sum = area / 10 + (area % 10) * 9;
      for (int i = 1; i < 9; i++) {
        sum += (id.charAt(i) - '0') * (9 - i);
      }
      sum += id.charAt(9) - '0';
      return sum % 10 == 0;
    }
  }
}
