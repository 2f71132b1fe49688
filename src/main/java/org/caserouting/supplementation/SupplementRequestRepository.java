package org.caserouting.supplementation;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

interface SupplementRequestRepository extends JpaRepository<SupplementRequest, Long> {

  List<SupplementRequest> findByApplicationNoOrderByRequestedAt(String applicationNo);

  default Optional<SupplementRequest> findOpen(String applicationNo) {
    return findByApplicationNoOrderByRequestedAt(applicationNo).stream().filter(SupplementRequest::isOpen).findFirst();
  }
}
