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
import org.caserouting.cases.SubmitApplicationRequest.Agent;
import org.caserouting.cases.SubmitApplicationRequest.Applicant;

/**
 * The rules between an applicant's or agent's fields, each reported on the field that breaks it,
 * beside the single-field rules, so a submission hears of everything at once.
 */
final class Parties {

  private Parties() {}

  @Documented
  @Constraint(validatedBy = {ApplicantRules.class, AgentRules.class})
  @Target(ElementType.TYPE)
  @Retention(RetentionPolicy.RUNTIME)
  @interface Consistent {
    String message() default "is inconsistent";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
  }

  static final class ApplicantRules implements ConstraintValidator<Consistent, Applicant> {
    @Override
    public boolean isValid(Applicant applicant, ConstraintValidatorContext context) {
      if (applicant == null) {
        return true;
      }
      Violations broken = new Violations(context);
      switch (applicant.kindOrPerson()) {
        case AGENT -> broken.at("kind", "代理人請填於 agent 欄 an agent is named under agent, beside the applicant they act for");
        case ORGANISATION -> {
          if (blank(applicant.businessNo())) {
            broken.at("businessNo", "法人或團體必填統一編號 is required of a company or organisation");
          }
          if (blank(applicant.representativeName())) {
            broken.at("representativeName", "法人或團體必填代表人 is required of a company or organisation");
          }
        }
        case PERSON -> {
          if (applicant.businessNo() != null) {
            broken.at("businessNo", "僅法人或團體填寫 is for a company or organisation only (kind ORGANISATION)");
          }
          if (applicant.representativeName() != null) {
            broken.at("representativeName", "僅法人或團體填寫 is for a company or organisation only (kind ORGANISATION)");
          }
        }
      }
      return broken.none();
    }
  }

  static final class AgentRules implements ConstraintValidator<Consistent, Agent> {
    @Override
    public boolean isValid(Agent agent, ConstraintValidatorContext context) {
      if (agent == null || agent.relation() == null) {
        return true;
      }
      Violations broken = new Violations(context);
      if (agent.relation().licensed() && blank(agent.licenceNo())) {
        broken.at("licenceNo", agent.relation().label() + "須填證書字號 must give the licence number");
      }
      return broken.none();
    }
  }

  private static boolean blank(String value) {
    return value == null || value.isBlank();
  }
}
