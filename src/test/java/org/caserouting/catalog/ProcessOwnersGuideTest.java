package org.caserouting.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.caserouting.catalog.CatalogFiles.CaseTypeRow;
import org.caserouting.support.Api;
import org.caserouting.support.CaseRouterTest;
import org.caserouting.support.Submission;
import org.caserouting.verification.VerificationCoverage;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.io.ResourceLoader;

/**
 * docs/process-owners.md, as a process owner would follow it: its example type is added to the
 * catalog with nothing but its row, passes every check the service makes, and is applied for
 * through the API; its refused example is refused with exactly the problems the guide quotes.
 */
@CaseRouterTest
class ProcessOwnersGuideTest {

  private static final Path GUIDE = Path.of("docs/process-owners.md");
  private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory())
      .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
      .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

  @Autowired CatalogLoader loader;
  @Autowired ResourceLoader resources;
  @Autowired TestRestTemplate http;

  @Test
  void theGuidesExampleTypeIsAddedWithDataAloneAndAppliedFor() throws IOException {
    CatalogFiles catalog = CatalogFiles.read(resources, "classpath:catalog/");
    List<CaseTypeRow> example = rows(block("yaml"));
    assertThat(example).hasSize(1);
    CatalogFiles withExample = with(catalog, example);

    assertThat(withExample.problems()).as("the catalog's own checks").isEmpty();
    assertThat(VerificationCoverage.gapsOfTable(Files.readAllBytes(Path.of("dmn/verification-scope.dmn")), withExample))
        .as("every document we promise to fetch is fetched").isEmpty();
    assertThat(HandlingCoverage.gapsOfTables(Files.readAllBytes(Path.of("dmn/online-eligibility.dmn")), withExample))
        .as("a channel").isEmpty();
    assertThat(HandlingCoverage.gapsOfTables(Files.readAllBytes(Path.of("dmn/routing.dmn")), withExample))
        .as("a route").isEmpty();

    loader.load(withExample); // what the next start does with the edited file
    Api portal = new Api(http);
    JsonNode schema = portal.get("/api/case-types/IN-MARKET-STALL-LEASE/application-schema").body();
    assertThat(schema.get("properties").fieldNames()).toIterable().containsExactly("stallCategory", "vendorCardNo", "wantedFrom");
    assertThat(schema.get("required")).extracting(JsonNode::asText).containsExactlyInAnyOrder("stallCategory", "wantedFrom");

    Api.Response wrong = portal.submit(Submission.of("IN-MARKET-STALL-LEASE").document("UPLOADABLE", "最近六個月內照片")
        .set("applicationData", Map.of("stallCategory", "FLOWERS", "wantedFrom", "2027-01-04")));
    assertThat(wrong.status()).isEqualTo(400);
    assertThat(wrong.invalidFields()).containsExactly("applicationData.stallCategory");

    Api.Response accepted = portal.submit(Submission.of("IN-MARKET-STALL-LEASE").document("UPLOADABLE", "最近六個月內照片")
        .set("applicationData", Map.of("stallCategory", "COOKED", "vendorCardNo", "11200123", "wantedFrom", "2027-01-04")));
    assertThat(accepted.status()).as("%s", accepted.body()).isEqualTo(201);
    assertThat(accepted.body().get("receivingAgency").asText()).isEqualTo("ECON");
    assertThat(accepted.body().get("route").asText()).isEqualTo("SINGLE_AGENCY");
  }

  @Test
  void theGuidesRefusedExampleIsRefusedWithTheProblemsItQuotes() throws IOException {
    CatalogFiles catalog = CatalogFiles.read(resources, "classpath:catalog/");
    List<String> quoted = block("text").lines().filter(line -> !line.isBlank()).toList();

    List<String> problems = with(catalog, rows(block("yaml refused"))).problems();

    assertThat(quoted).isNotEmpty();
    assertThat(problems).containsExactlyInAnyOrderElementsOf(quoted);
  }

  private static CatalogFiles with(CatalogFiles catalog, List<CaseTypeRow> added) {
    List<CaseTypeRow> types = new ArrayList<>(catalog.caseTypes());
    types.addAll(added);
    return new CatalogFiles(catalog.agencies(), catalog.documents(), types, catalog.districts());
  }

  private static List<CaseTypeRow> rows(String yaml) throws IOException {
    return List.of(YAML.readValue(yaml, CaseTypeRow[].class));
  }

  /** The first fenced block of the guide with this info string. */
  private static String block(String info) throws IOException {
    Matcher block = Pattern.compile("```" + Pattern.quote(info) + "\\n(.*?)```", Pattern.DOTALL).matcher(Files.readString(GUIDE));
    assertThat(block.find()).as("the guide has a ```%s block", info).isTrue();
    return block.group(1);
  }
}
