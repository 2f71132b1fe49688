package org.caserouting.lint;

import org.caserouting.platform.Variable;

/** Backing classes gone stale against the broken models in src/test/resources/lint: what the lint must catch. */
final class StaleBackingClasses {

  /** Backs the process "broken", but one element was renamed in the Modeler since. */
  static final class Broken {
    static final String KEY = "broken";

    static final class Elements {
      static final String STILL_THERE = "undrawnTask";
      static final String RENAMED = "taskRenamedInTheModeler";
    }

    static final class Variables {
      static final Variable<String> DECLARED = Variable.text("declaredField");
    }
  }

  /** Backs the process "lanes", in step with it. */
  static final class Lanes {
    static final String KEY = "lanes";
  }

  /** Backs a process no model holds any more. */
  static final class Removed {
    static final String KEY = "no-longer-modelled";
  }

  private StaleBackingClasses() {}
}
