package org.caserouting.changes;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface ChangeReportRepository extends JpaRepository<ChangeReport, Long> {

  Optional<ChangeReport> findByChangeNo(String changeNo);

  Optional<ChangeReport> findByIdempotencyKey(String idempotencyKey);
}
