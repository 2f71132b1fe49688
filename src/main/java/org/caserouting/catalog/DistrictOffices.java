package org.caserouting.catalog;

import java.util.EnumMap;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The offices that serve each district, as catalog/districts.yaml lists them: loaded with the
 * catalog at every start, read whenever a type received by rule is applied for.
 */
@Component
public class DistrictOffices {

  private volatile Map<District, CatalogFiles.DistrictRow> byDistrict = Map.of();

  void load(CatalogFiles files) {
    Map<District, CatalogFiles.DistrictRow> rows = new EnumMap<>(District.class);
    files.districts().forEach(row -> rows.put(row.district(), row));
    byDistrict = Map.copyOf(rows);
  }

  /** The office that receives a type received by this rule, for an application in this district. */
  public String receivingOffice(ReceivedBy rule, District district) {
    CatalogFiles.DistrictRow row = byDistrict.get(district);
    if (row == null) {
      throw new IllegalStateException("The catalog lists no offices for district " + district);
    }
    return switch (rule) {
      case SITE_DISTRICT_OFFICE, HOUSEHOLD_DISTRICT_OFFICE -> row.districtOffice();
      case PARCEL_LAND_OFFICE -> row.landOffice();
    };
  }
}
