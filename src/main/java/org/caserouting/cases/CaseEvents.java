package org.caserouting.cases;

import java.time.Clock;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Records what happened to a case, at the engine's time, in the case's own transaction. */
@Service
public class CaseEvents {

  private final CaseEventRepository events;
  private final Clock clock;

  CaseEvents(CaseEventRepository events, Clock clock) {
    this.clock = clock;
    this.events = events;
  }

  @Transactional
  public void record(String applicationNo, CaseEventKind kind, String agency, String detail) {
    events.save(new CaseEvent(applicationNo, clock.instant(), kind, agency, detail));
  }
}
