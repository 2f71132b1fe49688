package org.caserouting.tracking;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Records what happened to a case, at the engine's time, in the case's own transaction. */
@Service
public class CaseEvents {

  private final CaseEventRepository events;

  CaseEvents(CaseEventRepository events) {
    this.events = events;
  }

  @Transactional
  public void record(String applicationNo, CaseEventKind kind, String agency, String detail) {
    events.save(new CaseEvent(applicationNo, ClockUtil.getCurrentTime().toInstant(), kind, agency, detail));
  }
}
