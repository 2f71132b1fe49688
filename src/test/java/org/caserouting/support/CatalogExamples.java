package org.caserouting.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.util.Map;
import java.util.stream.Collectors;
import org.caserouting.catalog.ApplicationForm;
import org.caserouting.catalog.CatalogFiles;
import org.springframework.core.io.DefaultResourceLoader;

/**
 * Answers that fit each catalog type's own form, as the form's declaration gives them: tests that
 * are about something else apply with these, and a test about the form changes them.
 */
public final class CatalogExamples {

  private static final Map<String, ApplicationForm> FORMS = CatalogFiles.read(new DefaultResourceLoader(), "classpath:catalog/")
      .caseTypes().stream().collect(Collectors.toMap(CatalogFiles.CaseTypeRow::code, CatalogFiles.CaseTypeRow::form));

  private CatalogExamples() {}

  /** The type's example answers; an empty form for a code the catalog does not know. */
  public static JsonNode applicationData(String caseTypeCode) {
    return FORMS.getOrDefault(caseTypeCode, ApplicationForm.NONE).example();
  }

  /** The same, as the map a JSON body is built of. */
  @SuppressWarnings("unchecked")
  public static Map<String, Object> applicationDataMap(String caseTypeCode) {
    return new ObjectMapper().convertValue(applicationData(caseTypeCode), Map.class);
  }
}
