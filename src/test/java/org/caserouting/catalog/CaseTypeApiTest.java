package org.caserouting.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.StreamSupport;
import org.caserouting.support.Api;
import org.caserouting.support.CaseRouterTest;
import org.caserouting.support.Submission;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.MediaType;

@CaseRouterTest
class CaseTypeApiTest {

  @Autowired TestRestTemplate http;
  Api api;

  @BeforeEach
  void api() {
    api = new Api(http);
  }

  private static List<JsonNode> items(JsonNode array) {
    return StreamSupport.stream(array.spliterator(), false).toList();
  }

  @Test
  void listsEveryTypeWithItsChannelAndRoute() {
    Api.Response response = api.get("/api/case-types");

    assertThat(response.status()).isEqualTo(200);
    List<JsonNode> types = items(response.body());
    assertThat(types).hasSizeGreaterThanOrEqualTo(40);
    Set<String> categories = new HashSet<>();
    types.forEach(type -> categories.add(type.get("category").asText()));
    assertThat(categories).hasSize(17);
    assertThat(types)
        .allSatisfy(
            type -> {
              assertThat(type.get("channel").asText()).isIn("FULLY_ONLINE", "ONLINE_WITH_FIELD_STEP", "COUNTER_ONLY");
              assertThat(type.get("route").asText()).isIn("SINGLE_AGENCY", "VERTICAL", "HORIZONTAL", "HORIZONTAL_THEN_VERTICAL");
              assertThat(type.get("reason").asText()).isNotBlank();
            });
  }

  @Test
  void showsOneTypeWithTheCatalogsFieldNames() {
    JsonNode type = api.get("/api/case-types/IN-SPECIAL-ENTERTAINMENT").body();

    assertThat(type.fieldNames())
        .toIterable()
        .contains(
            "code", "nameZh", "nameEn", "category", "receivingAgency", "needsExternalReview", "needsEscalation",
            "needsJointInspection", "onlineAllowed", "timeLimitDays", "coReviewAgencies", "escalationChain",
            "activities", "requiredDocuments", "channel", "reasonCode", "reason", "route", "applicationSchema",
            "applicantKinds");
    assertThat(type.get("applicantKinds")).extracting(JsonNode::asText).containsExactly("PERSON", "ORGANISATION", "AGENT");
    assertThat(type.get("route").asText()).isEqualTo("HORIZONTAL");
    assertThat(type.get("channel").asText()).isEqualTo("ONLINE_WITH_FIELD_STEP");
    assertThat(type.get("reasonCode").asText()).isEqualTo("SITE_INSPECTION");
    assertThat(type.get("requiredDocuments").get(0).fieldNames())
        .toIterable()
        .containsExactlyInAnyOrder("code", "nameZh", "nameEn", "documentClass");
  }

  @Test
  void servesTheFormOfATypeAsJsonSchemaForThePortalToRender() {
    Api.Response response = api.get("/api/case-types/IN-SPECIAL-ENTERTAINMENT/application-schema");

    assertThat(response.status()).isEqualTo(200);
    assertThat(response.contentType().toString()).startsWith("application/schema+json");
    JsonNode schema = response.body();
    assertThat(schema.get("$schema").asText()).isEqualTo("https://json-schema.org/draft/2020-12/schema");
    assertThat(schema.get("$id").asText()).isEqualTo("/api/case-types/IN-SPECIAL-ENTERTAINMENT/application-schema");
    assertThat(schema.get("additionalProperties").asBoolean()).isFalse();
    assertThat(schema.get("required")).extracting(JsonNode::asText)
        .containsExactlyInAnyOrder("businessName", "businessKind", "floorAreaSqm");
    JsonNode kind = schema.get("properties").get("businessKind");
    assertThat(kind.get("title").asText()).isEqualTo("營業種類 Kind of business");
    assertThat(kind.get("oneOf")).extracting(option -> option.get("const").asText() + " " + option.get("title").asText())
        .contains("BAR 酒吧業 Bar", "SPECIAL_CAFE 特種咖啡茶室業 Special café");
    assertThat(schema.get("properties").get("floorAreaSqm").get("minimum").asInt()).isEqualTo(1);

    assertThat(api.get("/api/case-types/IN-SPECIAL-ENTERTAINMENT").body().get("applicationSchema"))
        .as("the type's own answer carries the same schema").isEqualTo(schema);
    assertThat(api.get("/api/case-types/NO-SUCH-TYPE/application-schema").status()).isEqualTo(404);
  }

  @Test
  void theSchemasExampleIsAnApplicationTheTypeAccepts() {
    JsonNode schema = api.get("/api/case-types/IN-FACTORY-REGISTRATION/application-schema").body();
    JsonNode example = schema.get("examples").get(0);

    assertThat(example.get("industryCode").asText()).isEqualTo("1091");
    assertThat(api.submit(Submission.of("IN-FACTORY-REGISTRATION").set("applicationData", example)).status())
        .isEqualTo(201);
  }

  @Test
  void originalDeedsKeepALandTransferAtTheCounter() {
    JsonNode type = api.get("/api/case-types/LA-OWNERSHIP-TRANSFER").body();

    assertThat(type.get("channel").asText()).isEqualTo("COUNTER_ONLY");
  }

  @Test
  void filtersByCategoryRouteAndChannel() {
    List<JsonNode> vertical = items(api.get("/api/case-types?route=VERTICAL").body());
    List<JsonNode> socialOnline =
        items(api.get("/api/case-types?category=SOCIAL_WELFARE&channel=ONLINE_WITH_FIELD_STEP").body());

    assertThat(vertical).isNotEmpty().allSatisfy(type -> assertThat(type.get("route").asText()).isEqualTo("VERTICAL"));
    assertThat(socialOnline)
        .extracting(type -> type.get("code").asText())
        .contains("SW-LOW-INCOME")
        .doesNotContain("SW-MIDDLE-LOW-INCOME");
  }

  @Test
  void unknownTypeIsNotFound() {
    Api.Response response = api.get("/api/case-types/NO-SUCH-TYPE");

    assertThat(response.status()).isEqualTo(404);
    assertThat(response.contentType()).isEqualTo(MediaType.APPLICATION_PROBLEM_JSON);
    assertThat(response.body().get("detail").asText()).contains("NO-SUCH-TYPE");
  }

  @Test
  void unknownFilterValueListsTheAllowedOnes() {
    Api.Response response = api.get("/api/case-types?route=DIAGONAL");

    assertThat(response.status()).isEqualTo(400);
    assertThat(response.invalidFields()).containsExactly("route");
    assertThat(response.body().get("errors").get(0).get("message").asText()).contains("HORIZONTAL_THEN_VERTICAL");
  }
}
