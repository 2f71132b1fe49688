package org.caserouting.catalog;

import java.util.Optional;
import org.springframework.data.jpa.repository.JpaRepository;
import org.springframework.data.jpa.repository.Query;
import org.springframework.data.repository.query.Param;

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

  /** Whether the type is decided on the household's means, in one statement. */
  @Query("select t.meansTest from CaseType t where t.code = :code")
  Optional<Boolean> meansTestOf(@Param("code") String code);
}
