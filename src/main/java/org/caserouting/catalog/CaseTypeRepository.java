package org.caserouting.catalog;

import org.springframework.data.jpa.repository.JpaRepository;

public interface CaseTypeRepository extends JpaRepository<CaseType, String> {}
