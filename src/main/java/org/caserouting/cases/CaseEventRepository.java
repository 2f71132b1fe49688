package org.caserouting.cases;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

public interface CaseEventRepository extends JpaRepository<CaseEvent, Long> {

  List<CaseEvent> findByApplicationNoOrderByOccurredAt(String applicationNo);
}
