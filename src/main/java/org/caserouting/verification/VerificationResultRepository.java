package org.caserouting.verification;

import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;

interface VerificationResultRepository extends JpaRepository<VerificationResult, Long> {

  List<VerificationResult> findByApplicationNoAndServiceOrderById(String applicationNo, String service);

  List<VerificationResult> findByApplicationNoOrderById(String applicationNo);
}
