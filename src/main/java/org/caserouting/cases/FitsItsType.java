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
import java.util.ArrayList;
import java.util.List;
import org.caserouting.catalog.CaseTypeRepository;
import org.caserouting.catalog.ReceivedBy;
import org.caserouting.platform.InvalidField;

/**
 * The answers of an application fit its type's form, and it names the district its type's rule
 * reads: checked with the request's other fields, so the portal hears of every wrong field in one
 * answer. An unknown type is left to intake, which
 * refuses it on its own (422), and intake checks the form again for submissions that do not come
 * through the API.
 */
@Documented
@Constraint(validatedBy = FitsItsType.Validator.class)
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
public @interface FitsItsType {

  String message() default "does not fit its type's form";

  Class<?>[] groups() default {};

  Class<? extends Payload>[] payload() default {};

  final class Validator implements ConstraintValidator<FitsItsType, SubmitApplicationRequest> {

    private final CaseTypeRepository types;

    Validator(CaseTypeRepository types) {
      this.types = types;
    }

    @Override
    public boolean isValid(SubmitApplicationRequest request, ConstraintValidatorContext context) {
      if (request == null || request.caseTypeCode() == null) {
        return true;
      }
      var type = types.findById(request.caseTypeCode());
      if (type.isEmpty()) {
        return true;
      }
      List<InvalidField> problems = new ArrayList<>(
          type.get().getApplicationForm().problems(type.get().getCode(), request.applicationData()));
      ReceivedBy rule = type.get().getReceivedBy();
      if (rule != null && request.districtFor(rule) == null) {
        problems.add(new InvalidField(rule.districtField(), rule.districtMissing()));
      }
      if (problems.isEmpty()) {
        return true;
      }
      Violations violations = new Violations(context);
      problems.forEach(problem -> violations.at(problem.field(), problem.message()));
      return false;
    }
  }
}
