package org.caserouting.platform.engine.models;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A bean that models may use in expressions by its bean name, e.g.
 * {@code ${agencyGroups.clerks(receivingAgency)}}. Only its methods marked {@link Member} may be
 * called (a getter marked so may be read as a property); the
 * model policy refuses any other use, and no other bean is visible to expressions at all.
 */
@Documented
@Target(ElementType.TYPE)
@Retention(RetentionPolicy.RUNTIME)
public @interface ModelHelper {

  /** A method of a {@link ModelHelper} that models may call. */
  @Documented
  @Target(ElementType.METHOD)
  @Retention(RetentionPolicy.RUNTIME)
  @interface Member {}
}
