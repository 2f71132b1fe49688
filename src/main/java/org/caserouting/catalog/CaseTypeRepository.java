package org.caserouting.catalog;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;

public interface CaseTypeRepository extends JpaRepository<CaseType, String> {

  /** A type's names and the law its decisions rest on, as a decision letter cites them. */
  interface Citation {
    String getNameZh();

    String getNameEn();

    String getLegalBasisZh();

    String getLegalBasisEn();
  }

  /** The citation alone, in one statement: the type's collections are not read. */
  Optional<Citation> findCitationByCode(String code);
}
