package org.caserouting.mail;

import java.time.Instant;
import java.util.List;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Modifying;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

public interface NotificationRepository extends JpaRepository<Notification, Long> {

  List<Notification> findByApplicationNoOrderByCreatedAtAscIdAsc(String applicationNo);

  @Modifying
  @Query("update Notification n set n.cancelledAt = :at where n.applicationNo = :applicationNo and n.kind = :kind"
      + " and n.sentAt is null and n.cancelledAt is null")
  int cancelUnsent(@Param("applicationNo") String applicationNo, @Param("kind") NotificationKind kind, @Param("at") Instant at);
}
