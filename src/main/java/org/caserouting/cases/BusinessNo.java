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
 * A unified business number (統一編號) of a company, business or organisation: eight digits whose
 * weighted digit sum is divisible by 5. The Ministry of Finance relaxed the rule from 10 to 5 in
 * 2023, when numbers began to run out; every number valid before is valid still. Where the seventh
 * digit is 7, its product 28 may count as 1 or as 0. Null is left to {@code @NotBlank}.
 */
@Documented
@Constraint(validatedBy = BusinessNo.Validator.class)
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT})
@Retention(RetentionPolicy.RUNTIME)
public @interface BusinessNo {

  String message() default "不是有效的統一編號 is not a valid unified business number (8 digits with a correct checksum)";

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};

  final class Validator implements ConstraintValidator<BusinessNo, String> {

    private static final int[] WEIGHTS = {1, 2, 1, 2, 1, 2, 4, 1};

    @Override
    public boolean isValid(String value, ConstraintValidatorContext context) {
      return value == null || isValid(value);
    }

    public static boolean isValid(String number) {
      if (!number.matches("[0-9]{8}")) {
        return false;
      }
      int sum = 0;
      for (int i = 0; i < 8; i++) {
        int product = (number.charAt(i) - '0') * WEIGHTS[i];
        sum += product / 10 + product % 10;
      }
      return sum % 5 == 0 || (number.charAt(6) == '7' && (sum + 1) % 5 == 0);
    }
  }
}
