package org.caserouting.intake;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface ApplicationRepository extends JpaRepository<Application, Long> {

  Optional<Application> findByApplicationNo(String applicationNo);

  Optional<Application> findByIdempotencyKey(String idempotencyKey);

  /** The application a running case belongs to; its absence is a bug, not a user error. */
  default Application require(String applicationNo) {
    return findByApplicationNo(applicationNo)
        .orElseThrow(() -> new IllegalStateException("No application " + applicationNo + " for a running case"));
  }
}
