package org.caserouting.fieldstep;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface FieldStepRepository extends JpaRepository<FieldStep, Long> {

  List<FieldStep> findByApplicationNoOrderByIdAsc(String applicationNo);

  /** The arrangement still waiting for its findings, if any. */
  default Optional<FieldStep> findOpen(String applicationNo) {
    return findByApplicationNoOrderByIdAsc(applicationNo).stream().filter(FieldStep::isOpen).reduce((a, b) -> b);
  }
}
