package org.caserouting.platform.rest;

import io.swagger.v3.oas.models.Operation;
import io.swagger.v3.oas.models.PathItem;
import io.swagger.v3.oas.models.media.ArraySchema;
import io.swagger.v3.oas.models.media.Content;
import io.swagger.v3.oas.models.media.IntegerSchema;
import io.swagger.v3.oas.models.media.MediaType;
import io.swagger.v3.oas.models.media.ObjectSchema;
import io.swagger.v3.oas.models.media.Schema;
import io.swagger.v3.oas.models.media.StringSchema;
import io.swagger.v3.oas.models.responses.ApiResponse;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springdoc.core.customizers.OpenApiCustomizer;
import org.springframework.stereotype.Component;

/**
 * Every answer of our API that is not a success is an RFC 9457 problem (application/problem+json),
 * and the contract says so: each operation lists the problems it may answer, all with one schema.
 * Which: any call may meet a missing or wrong sign-in (401), a refusal (403), too many wrong
 * passwords or ID suffixes (429) and a database hiccup (503, ADR 0007); one naming a resource, an
 * unknown one (404); one with a body or a query, invalid fields (400); a submission, a resent key
 * with another body (409) and a refusal by the rules (422).
 */
@Component
class ProblemResponsesInApiDocs implements OpenApiCustomizer {

  static final String PROBLEM = "Problem";
  private static final String PROBLEM_JSON = "application/problem+json";
  private static final Map<String, String> MEANINGS = new LinkedHashMap<>();

  static {
    MEANINGS.put("400", "欄位有誤 Invalid fields, each listed under errors");
    MEANINGS.put("401", "未登入或登入有誤 Not signed in");
    MEANINGS.put("403", "無權限 Not allowed for this caller");
    MEANINGS.put("404", "查無此件 Not found");
    MEANINGS.put("409", "同一 Idempotency-Key 已用於不同內容 The key was used with another body");
    MEANINGS.put("422", "不符規定 Refused by the rules, with the reason");
    MEANINGS.put("429", "嘗試過多，請稍候 Too many attempts; Retry-After says when to try again");
    MEANINGS.put("503", "暫時無法服務，請稍候重送 Briefly unavailable; resend after Retry-After");
  }

  @Override
  public void customise(io.swagger.v3.oas.models.OpenAPI api) {
    api.getComponents().addSchemas(PROBLEM, problemSchema());
    if (api.getPaths() == null) {
      return;
    }
    api.getPaths().forEach((path, item) -> item.readOperationsMap().forEach((method, operation) -> {
      boolean named = path.contains("{");
      boolean writes = method == PathItem.HttpMethod.POST;
      boolean queried = operation.getParameters() != null
          && operation.getParameters().stream().anyMatch(parameter -> "query".equals(parameter.getIn()));
      for (String status : MEANINGS.keySet()) {
        boolean applies = switch (status) {
          case "400" -> writes || queried;
          case "404" -> named;
          case "409", "422" -> writes;
          default -> true;
        };
        if (applies) {
          problem(operation, status);
        }
      }
    }));
  }

  private static void problem(Operation operation, String status) {
    ApiResponse response = operation.getResponses().computeIfAbsent(status, code -> new ApiResponse());
    if (response.getDescription() == null || response.getDescription().isBlank()) {
      response.setDescription(MEANINGS.get(status));
    }
    response.setContent(new Content().addMediaType(PROBLEM_JSON,
        new MediaType().schema(new Schema<>().$ref("#/components/schemas/" + PROBLEM))));
  }

  @SuppressWarnings({"rawtypes", "unchecked"})
  private static Schema problemSchema() {
    Schema invalidField = new ObjectSchema()
        .addProperty("field", new StringSchema().description("欄位 The field, as a JSON path"))
        .addProperty("message", new StringSchema().description("問題 What is wrong, zh-TW then English"));
    Schema problem = new ObjectSchema()
        .description("RFC 9457 問題說明 Problem details; some problems add properties of their own (reasonCode, acceptedKinds...)")
        .addProperty("type", new StringSchema())
        .addProperty("title", new StringSchema())
        .addProperty("status", new IntegerSchema())
        .addProperty("detail", new StringSchema())
        .addProperty("instance", new StringSchema())
        .addProperty("errors", new ArraySchema().items(invalidField));
    problem.setRequired(java.util.List.of("title", "status"));
    return problem;
  }
}
