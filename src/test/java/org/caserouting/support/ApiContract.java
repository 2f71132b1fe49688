package org.caserouting.support;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.networknt.schema.Error;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The portal team's contract as the service publishes it (/v3/api-docs), and what a real answer
 * breaks of it: a path the contract does not know, a status it does not list, a media type it does
 * not describe, or a body its schema refuses. Tests that call the API check their answers here, so
 * the contract and the service cannot drift apart.
 */
public final class ApiContract {

  private static final String CONTRACT = "https://contract.caserouting.test/openapi.json";
  private static final ObjectMapper JSON = new ObjectMapper();

  private final JsonNode document;
  private final SchemaRegistry schemas;

  private ApiContract(JsonNode document) {
    this.document = document;
    String text;
    try {
      text = JSON.writeValueAsString(document);
    } catch (Exception e) {
      throw new IllegalStateException(e);
    }
    this.schemas = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
        builder -> builder.schemas(Map.of(CONTRACT, text)));
  }

  /** The contract the service serves, read without signing in: it holds no one's data. */
  public static ApiContract servedBy(Api api) {
    Api.Response docs = api.anonymous().get("/v3/api-docs");
    if (docs.status() != 200) {
      throw new AssertionError("/v3/api-docs answered " + docs.status());
    }
    return new ApiContract(docs.body());
  }

  public JsonNode document() {
    return document;
  }

  /** Every way the answer departs from the contract; empty when it keeps it. */
  public List<String> breaches(String method, String path, Api.Response answer) {
    List<String> breaches = new ArrayList<>();
    String at = method + " " + path + " " + answer.status() + ": ";
    String template = template(path);
    if (template == null) {
      breaches.add(at + "no path of the contract matches");
      return breaches;
    }
    JsonNode operation = document.get("paths").get(template).get(method.toLowerCase());
    JsonNode response = operation == null ? null : operation.get("responses").get(String.valueOf(answer.status()));
    if (response == null) {
      breaches.add(at + "the contract lists no such status for " + method + " " + template);
      return breaches;
    }
    String mediaType = answer.contentType() == null ? null : answer.contentType().getType() + "/" + answer.contentType().getSubtype();
    JsonNode content = response.path("content").get(mediaType);
    if (content == null) {
      breaches.add(at + "the contract lists no " + mediaType + " answer");
      return breaches;
    }
    List<Error> errors = schemas.getSchema(absolute(content.get("schema").deepCopy())).validate(withoutNulls(answer.body()));
    errors.forEach(error -> breaches.add(at + error.getInstanceLocation() + " " + error.getMessage()));
    return breaches;
  }

  /**
   * The answer with its null properties left out: our answers write an optional property that has
   * no value as null, which the contract's info says means the same as absent. A required one that
   * is null is then missing, and caught.
   */
  private static JsonNode withoutNulls(JsonNode node) {
    JsonNode copy = node.deepCopy();
    strip(copy);
    return copy;
  }

  private static void strip(JsonNode node) {
    if (node.isObject()) {
      Iterator<Map.Entry<String, JsonNode>> fields = node.fields();
      while (fields.hasNext()) {
        Map.Entry<String, JsonNode> field = fields.next();
        if (field.getValue().isNull()) {
          fields.remove();
        } else {
          strip(field.getValue());
        }
      }
    } else if (node.isArray()) {
      node.forEach(ApiContract::strip);
    }
  }

  /** The contract's path template that a concrete path fills in. */
  private String template(String path) {
    for (Iterator<String> templates = document.get("paths").fieldNames(); templates.hasNext(); ) {
      String template = templates.next();
      String pattern = Pattern.quote(template).replaceAll("\\{[^}]+}", "\\\\E[^/]+\\\\Q");
      if (path.matches(pattern)) {
        return template;
      }
    }
    return null;
  }

  /** A schema from the contract, its references made to point into the contract. */
  private JsonNode absolute(JsonNode schema) {
    if (schema.isObject()) {
      ObjectNode object = (ObjectNode) schema;
      JsonNode ref = object.get("$ref");
      if (ref != null && ref.asText().startsWith("#/")) {
        object.put("$ref", CONTRACT + ref.asText());
      }
      object.forEach(this::absolute);
    } else if (schema.isArray()) {
      schema.forEach(this::absolute);
    }
    return schema;
  }
}
