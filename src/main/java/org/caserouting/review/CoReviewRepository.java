package org.caserouting.review;

import java.util.List;
import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface CoReviewRepository extends JpaRepository<CoReview, Long> {

  List<CoReview> findByApplicationNoOrderById(String applicationNo);

  Optional<CoReview> findByApplicationNoAndAgency(String applicationNo, String agency);
}
