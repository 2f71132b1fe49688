package org.caserouting.cases;

import java.util.List;

/**
 * A capability that can leave a case waiting with no task open (the supplementation, the joint
 * review's inspection) says what the case waits for; the case's views ask every one of them.
 */
public interface CaseWaits {

  List<CaseWait> of(String applicationNo);
}
