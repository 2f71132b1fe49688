package org.caserouting.cases;

import jakarta.persistence.LockModeType;
import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Lock;
import org.springframework.data.jpa.repository.Query;

public interface ApplicationRepository extends JpaRepository<Application, Long> {

  Optional<Application> findByApplicationNo(String applicationNo);

  Optional<Application> findByIdempotencyKey(String idempotencyKey);

  /** The application, locked until the transaction ends: its appended records stay in order. */
  @Lock(LockModeType.PESSIMISTIC_WRITE)
  @Query("select a from Application a where a.applicationNo = :applicationNo")
  Optional<Application> lockByApplicationNo(String applicationNo);

  /** Pairs of status and how many applications have it; statuses nobody has are left out. */
  @Query("select a.status, count(a) from Application a group by a.status")
  List<Object[]> countByStatus();

  /** The application a running case belongs to; its absence is a bug, not a user error. */
  default Application require(String applicationNo) {
    return findByApplicationNo(applicationNo)
        .orElseThrow(() -> new IllegalStateException("No application " + applicationNo + " for a running case"));
  }
}
