package org.caserouting.catalog;

import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.stereotype.Component;

/**
 * The contract names each type's application-data schema by reference, at the address the schema
 * is served from, so the portal's generated client knows every form without the contract
 * repeating the catalog; and says where {@code applicationData} finds its shape.
 */
@Component
class ApplicationSchemasInApiDocs implements OpenApiCustomizer {

  private final CaseTypeRepository types;

  ApplicationSchemasInApiDocs(CaseTypeRepository types) {
    this.types = types;
  }

  @Override
  @SuppressWarnings({"rawtypes", "unchecked"})
  public void customise(OpenAPI api) {
    for (CaseType type : types.findAll()) {
      api.getComponents().addSchemas("ApplicationData." + type.getCode(), new Schema<>()
          .$ref("/api/case-types/" + type.getCode() + "/application-schema")
          .description(type.getNameZh() + " " + type.getNameEn()));
    }
    Schema request = api.getComponents().getSchemas().get("SubmitApplicationRequest");
    if (request != null && request.getProperties() != null) {
      request.getProperties().put("applicationData", new ObjectSchema()
          .description("此類別表單之答覆 The answers to the type's own form: an object fitting the type's schema, named"
              + " ApplicationData.<caseTypeCode> here and served at /api/case-types/{code}/application-schema"));
    }
  }
}
