package org.caserouting.cases;

import jakarta.validation.ConstraintValidatorContext;

/**
 * Violations named by the field that breaks the rule (a path such as {@code applicationData.floorArea}),
 * in place of the constraint's own message on the whole request, and taken literally: a message
 * may quote a pattern with braces in it.
 */
final class Violations {

  private final ConstraintValidatorContext context;
  private boolean any;

  Violations(ConstraintValidatorContext context) {
    this.context = context;
  }

  void at(String field, String message) {
    if (!any) {
      context.disableDefaultConstraintViolation();
    }
    any = true;
    String literal = message.replace("\\", "\\\\").replace("{", "\\{").replace("}", "\\}").replace("$", "\\$");
    String[] path = field.split("\\.");
    var node = context.buildConstraintViolationWithTemplate(literal).addPropertyNode(path[0]);
    for (int i = 1; i < path.length; i++) {
      node = node.addPropertyNode(path[i]);
    }
    node.addConstraintViolation();
  }

  boolean none() {
    return !any;
  }
}
