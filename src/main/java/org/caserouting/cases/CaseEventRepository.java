package org.caserouting.cases;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface CaseEventRepository extends JpaRepository<CaseEvent, Long> {

  /** In the order they happened; events of the same instant (a frozen test clock, one transaction) as recorded. */
  List<CaseEvent> findByApplicationNoOrderByOccurredAtAscIdAsc(String applicationNo);
}
