package org.caserouting.changes;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface ChangeNoticeRepository extends JpaRepository<ChangeNotice, Long> {

  List<ChangeNotice> findByChangeNoOrderById(String changeNo);

  Optional<ChangeNotice> findByChangeNoAndAgency(String changeNo, String agency);
}
