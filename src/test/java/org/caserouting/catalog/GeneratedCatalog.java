package org.caserouting.catalog;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.caserouting.catalog.ApplicationForm.Field;
import org.caserouting.catalog.ApplicationForm.FieldType;
import org.caserouting.catalog.ApplicationForm.Option;
import org.caserouting.catalog.CatalogFiles.CaseTypeRow;

/**
 * A catalog of the city's 363 application types, in the paper's 17 categories and counts, made of
 * the real agencies, districts and documents: a test fixture, not data the city ships. Each type
 * varies what the real ones vary (who receives it and by what rule, who is asked, who approves
 * above, a site inspection, its form and who may file) so that the generic processes meet every
 * shape a process owner can write in data.
 */
public final class GeneratedCatalog {

  /** The paper's count of cross-agency types per category. */
  public static final Map<Category, Integer> COUNTS = counts();

  private static final List<String> CITY_DEPARTMENTS =
      List.of("ECON", "URBAN", "LAND", "TRANS", "CIVIL", "SOCIAL", "FINANCE", "FIRE", "POLICE", "HEALTH", "EDU", "ENV",
          "WORKS", "TOURISM", "MRT", "MILITARY");
  private static final List<String> DOCUMENTS =
      List.of("FLOOR_PLAN", "PHOTO", "SITE_PHOTOS", "EVENT_PLAN", "CONSTRUCTION_PLAN", "STAFF_LIST", "LEASE_CONTRACT_COPY");

  private GeneratedCatalog() {}

  /** The real catalog's agencies, documents and districts, with the 363 generated types in place of its own. */
  public static CatalogFiles of(CatalogFiles real) {
    List<CaseTypeRow> types = new ArrayList<>();
    for (Map.Entry<Category, Integer> category : COUNTS.entrySet()) {
      for (int n = 1; n <= category.getValue(); n++) {
        types.add(type(category.getKey(), n));
      }
    }
    return new CatalogFiles(real.agencies(), real.documents(), types, real.districts());
  }

  /** Writes the catalog's four files into {@code folder}, as a process owner would keep them; returns its location. */
  public static String write(CatalogFiles catalog, Path folder) {
    ObjectMapper yaml = new ObjectMapper(new YAMLFactory()).setSerializationInclusion(JsonInclude.Include.NON_NULL);
    try {
      yaml.writeValue(folder.resolve("agencies.yaml").toFile(), catalog.agencies());
      yaml.writeValue(folder.resolve("documents.yaml").toFile(), catalog.documents());
      yaml.writeValue(folder.resolve("case-types.yaml").toFile(), catalog.caseTypes());
      yaml.writeValue(folder.resolve("districts.yaml").toFile(), catalog.districts());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return folder.toUri().toString();
  }

  private static CaseTypeRow type(Category category, int n) {
    String code = category.code() + "-GEN-" + String.format("%03d", n);
    Receiving receiving = receiving(category, n);
    boolean coReviewed = n % 2 == 0;
    boolean escalated = n % 3 == 0;
    boolean inspected = coReviewed && n % 4 == 0;
    List<String> coReviewers = coReviewed ? coReviewers(receiving, n) : List.of();
    List<String> chain = escalated ? chain(receiving) : List.of();
    return new CaseTypeRow(code, category.nameZh() + "測試案件" + n, category.nameEn() + " test type " + n, category,
        receiving.agency(), receiving.rule(), coReviewed, escalated, inspected, n % 11 != 0, 5 + n % 25,
        null, null, null, null, coReviewers, chain,
        inspected ? Set.of(Activity.SITE_INSPECTION) : Set.of(),
        List.of(DOCUMENTS.get(n % DOCUMENTS.size())),
        new CatalogFiles.LegalBasis("測試用法規 Test ordinance", "Test ordinance (fixture)", false),
        form(n), kinds(category, n), null);
  }

  private record Receiving(String agency, ReceivedBy rule, AgencyLevel level, String kindParent) {}

  private static Receiving receiving(Category category, int n) {
    return switch (category) {
      case SOCIAL_WELFARE, CONSCRIPTION -> new Receiving(null, ReceivedBy.HOUSEHOLD_DISTRICT_OFFICE, AgencyLevel.DISTRICT, "CIVIL");
      case DISTRICT_ADMINISTRATION -> new Receiving(null, ReceivedBy.SITE_DISTRICT_OFFICE, AgencyLevel.DISTRICT, "CIVIL");
      case LAND_ADMINISTRATION -> n % 2 == 0
          ? new Receiving(null, ReceivedBy.PARCEL_LAND_OFFICE, AgencyLevel.DISTRICT, "LAND")
          : new Receiving("LAND", null, AgencyLevel.CITY, null);
      default -> new Receiving(department(category), null, AgencyLevel.CITY, null);
    };
  }

  private static String department(Category category) {
    return switch (category) {
      case INDUSTRIAL_DEVELOPMENT -> "ECON";
      case FINANCE -> "FINANCE";
      case URBAN_DEVELOPMENT -> "URBAN";
      case CIVIL_AFFAIRS -> "CIVIL";
      case TRANSPORTATION -> "TRANS";
      case HEALTH -> "HEALTH";
      case EDUCATION -> "EDU";
      case ENVIRONMENTAL_PROTECTION -> "ENV";
      case TOURISM_INFORMATION -> "TOURISM";
      case PUBLIC_WORKS -> "WORKS";
      case FIRE -> "FIRE";
      case MASS_RAPID_TRANSIT -> "MRT";
      case POLICE -> "POLICE";
      default -> throw new IllegalArgumentException(category.name());
    };
  }

  /** One or two city departments other than the receiver. */
  private static List<String> coReviewers(Receiving receiving, int n) {
    List<String> others = CITY_DEPARTMENTS.stream().filter(code -> !code.equals(receiving.agency())).toList();
    String first = others.get(n % others.size());
    String second = others.get((n * 7 + 3) % others.size());
    return first.equals(second) || n % 5 != 0 ? List.of(first) : List.of(first, second);
  }

  /** Up from a district office to its department, or from a department to the ministry above it. */
  private static List<String> chain(Receiving receiving) {
    if (receiving.level() == AgencyLevel.DISTRICT) {
      return receiving.rule() == ReceivedBy.PARCEL_LAND_OFFICE ? List.of("LAND") : List.of("SOCIAL");
    }
    return List.of("MOI");
  }

  private static List<ApplicantKind> kinds(Category category, int n) {
    if (category == Category.INDUSTRIAL_DEVELOPMENT) {
      return n % 3 == 0 ? List.of(ApplicantKind.ORGANISATION, ApplicantKind.AGENT)
          : List.of(ApplicantKind.PERSON, ApplicantKind.ORGANISATION, ApplicantKind.AGENT);
    }
    return n % 4 == 0 ? List.of(ApplicantKind.PERSON) : List.of(ApplicantKind.PERSON, ApplicantKind.AGENT);
  }

  /** One to three fields, of every type in turn. */
  private static List<Field> form(int n) {
    List<Field> fields = new ArrayList<>();
    FieldType[] types = FieldType.values();
    for (int i = 0; i < 1 + n % 3; i++) {
      FieldType type = types[(n + i) % types.length];
      String name = "field" + (i + 1);
      fields.add(switch (type) {
        case TEXT -> new Field(name, "說明" + (i + 1), "Note " + (i + 1), type, true, "^[0-9A-Z]{4,8}$", null, null, null, null,
            null, "AB12");
        case INTEGER -> new Field(name, "數量" + (i + 1), "Count " + (i + 1), type, true, null, null, null, BigDecimal.ONE,
            new BigDecimal("999"), null, null);
        case NUMBER -> new Field(name, "面積" + (i + 1), "Area " + (i + 1), type, false, null, null, null, new BigDecimal("0.5"),
            null, null, null);
        case DATE -> new Field(name, "日期" + (i + 1), "Date " + (i + 1), type, true, null, null, null, null, null, null, null);
        case BOOLEAN -> new Field(name, "是否" + (i + 1), "Whether " + (i + 1), type, true, null, null, null, null, null, null, null);
        case CHOICE -> new Field(name, "種類" + (i + 1), "Kind " + (i + 1), type, true, null, null, null, null, null,
            List.of(new Option("A", "甲", "A"), new Option("B", "乙", "B")), null);
      });
    }
    return fields;
  }

  private static Map<Category, Integer> counts() {
    Map<Category, Integer> counts = new LinkedHashMap<>();
    counts.put(Category.INDUSTRIAL_DEVELOPMENT, 100);
    counts.put(Category.LAND_ADMINISTRATION, 61);
    counts.put(Category.DISTRICT_ADMINISTRATION, 45);
    counts.put(Category.FINANCE, 36);
    counts.put(Category.URBAN_DEVELOPMENT, 34);
    counts.put(Category.SOCIAL_WELFARE, 25);
    counts.put(Category.CIVIL_AFFAIRS, 18);
    counts.put(Category.CONSCRIPTION, 16);
    counts.put(Category.TRANSPORTATION, 7);
    counts.put(Category.HEALTH, 5);
    counts.put(Category.EDUCATION, 4);
    counts.put(Category.ENVIRONMENTAL_PROTECTION, 4);
    counts.put(Category.TOURISM_INFORMATION, 3);
    counts.put(Category.PUBLIC_WORKS, 2);
    counts.put(Category.FIRE, 1);
    counts.put(Category.MASS_RAPID_TRANSIT, 1);
    counts.put(Category.POLICE, 1);
    return counts;
  }
}
