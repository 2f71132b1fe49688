package org.caserouting.catalog;

import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Loads the catalog files into the database at every start. Rows are upserted by code, so an
 * edited file updates its rows; rows removed from a file stay, because applications refer to them.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE)
public class CatalogLoader implements ApplicationRunner {

  private static final Logger log = LoggerFactory.getLogger(CatalogLoader.class);

  private final CatalogFiles files;
  private final AgencyRepository agencies;
  private final CaseTypeRepository caseTypes;
  private final DistrictOffices districtOffices;

  CatalogLoader(
      CatalogFiles files,
      AgencyRepository agencies,
      CaseTypeRepository caseTypes,
      DistrictOffices districtOffices) {
    this.files = files;
    this.agencies = agencies;
    this.caseTypes = caseTypes;
    this.districtOffices = districtOffices;
  }

  @Override
  @Transactional
  public void run(ApplicationArguments args) {
    load(files);
  }

  @Transactional
  public void load(CatalogFiles files) {
    for (CatalogFiles.AgencyRow row : files.agencies()) {
      Agency agency = agencies.findById(row.code()).orElseGet(() -> new Agency(row.code()));
      agency.update(row.nameZh(), row.nameEn(), row.level(), row.parent(), row.kind());
      agencies.save(agency);
    }
    for (CatalogFiles.CaseTypeRow row : files.caseTypes()) {
      CaseType type = caseTypes.findById(row.code()).orElseGet(() -> new CaseType(row.code()));
      type.update(row, files.requiredDocuments(row));
      caseTypes.save(type);
    }
    districtOffices.load(files);
    log.info(
        "Case catalog loaded: {} agencies, {} case types",
        files.agencies().size(),
        files.caseTypes().size());
    List<String> toConfirm = files.caseTypes().stream()
        .filter(row -> row.legalBasis().toConfirm()).map(CatalogFiles.CaseTypeRow::code).toList();
    if (!toConfirm.isEmpty()) {
      log.warn("The legal basis of these case types is yet to be confirmed by the agency's legal office before"
          + " their decision letters are relied on (catalog legalBasis.toConfirm): {}", toConfirm);
    }
  }
}
