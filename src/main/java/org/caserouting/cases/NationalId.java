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
 * A person's identification number in Taiwan: the national ID, or a resident certificate number
 * (居留證統一證號) in either format. All have one letter for the place of first registration, a
 * second character for the holder, seven digits and a check digit: 1/2 in a national ID, 8/9 in
 * the 2021 format of resident certificates, a letter A to D in the older one, which counts by the
 * last digit of that letter's number. Null is left to {@code @NotBlank}.
 */
@Documented
@Constraint(validatedBy = NationalId.Validator.class)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT})
@Retention(RetentionPolicy.RUNTIME)
public @interface NationalId {

  String message() default "不是有效的身分證或居留證號 is not a valid national ID or resident certificate number"
      + " (a letter, then a digit or a letter A to D, then 8 digits with a correct check digit)";

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
      int holder;
      if (id.matches("[A-Z][1289][0-9]{8}")) {
        holder = id.charAt(1) - '0';
      } else if (id.matches("[A-Z][A-D][0-9]{8}")) {
        holder = (LETTERS.indexOf(id.charAt(1)) + 10) % 10; // the older resident certificates
      } else {
        return false;
      }
      int area = LETTERS.indexOf(id.charAt(0)) + 10;
      int sum = area / 10 + (area % 10) * 9 + holder * 8;
      for (int i = 2; i < 9; i++) {
        sum += (id.charAt(i) - '0') * (9 - i);
      }
      sum += id.charAt(9) - '0';
      return sum % 10 == 0;
    }
  }
}
