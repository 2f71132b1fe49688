package org.caserouting.signoff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.caserouting.platform.engine.task.TaskOutcome.APPROVE;
import static org.caserouting.platform.engine.task.TaskOutcome.OPINION;

import com.fasterxml.jackson.databind.JsonNode;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.caserouting.support.Api;
import org.caserouting.support.CaseRouterTest;
import org.caserouting.support.Submission;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.jdbc.core.JdbcTemplate;

/**
 * A signature covers what was signed, and the decision's receipt pins the chain: an insider who
 * can switch the database's guard off can still change or remove rows, but not unseen.
 */
@CaseRouterTest
class SignOffChainTest {

  @Autowired TestRestTemplate http;
  @Autowired JdbcTemplate jdbc;
  @Autowired SignOffRepository rows;
  Api api;

  @BeforeEach
  void api() {
    api = new Api(http);
  }

  @Test
  void theChiefSignsTheClerksDraftAndEditingTheDraftAfterwardsShows() {
    String no = submitted();
    api.workTask("do-daan-clerk", no, APPROVE, OPINION.of("經訪視符合資格，擬陳轉社會局"));
    api.workTask("do-daan-chief", no, APPROVE, OPINION.of("如擬"));

    JsonNode signed = chain(no).get("signOffs").get(0);
    assertThat(signed.get("decisionKind").asText()).isEqualTo("FORWARD");
    assertThat(signed.get("draftReasons").asText()).isEqualTo("經訪視符合資格，擬陳轉社會局");
    assertThat(signed.get("opinion").asText()).isEqualTo("如擬");
    assertThat(signed.get("hashVersion").asInt()).as("a version whose hash covers the draft").isGreaterThanOrEqualTo(2);
    assertThat(chain(no).get("verified").asBoolean()).isTrue();

    unguarded(() -> jdbc.update("update sign_off set draft_reasons = '不符資格，擬駁回' where application_no = ?", no));

    JsonNode chain = chain(no);
    assertThat(chain.get("verified").asBoolean()).as("the chief's signature no longer matches the draft").isFalse();
    assertThat(chain.get("brokenAtSeq").asInt()).isEqualTo(1);
  }

  @Test
  void removingTheLastSignOffsAfterTheDecisionIsDetectedByTheChainAndByTheReceipt() {
    String no = decided();
    assertThat(chain(no).get("verified").asBoolean()).isTrue();
    String receipt = api.get("/api/applications/" + no + "/receipt").body().get("receipt").asText();
    assertThat(verify(receipt).get("valid").asBoolean()).isTrue();

    unguarded(() -> jdbc.update("delete from sign_off where application_no = ? and seq = 2", no));

    JsonNode chain = chain(no);
    assertThat(chain.get("signOffs")).as("what remains links up on its own").hasSize(1);
    assertThat(chain.get("verified").asBoolean()).isFalse();
    assertThat(chain.get("brokenAtSeq").asInt()).isEqualTo(2);
    assertThat(chain.get("problem").asText()).contains("certifies 2 sign-offs; only 1 remain");
    JsonNode verdict = verify(receipt);
    assertThat(verdict.get("signatureValid").asBoolean()).isTrue();
    assertThat(verdict.get("valid").asBoolean()).isFalse();
    assertThat(verdict.get("message").asText()).contains("altered or removed");
  }

  @Test
  void chainsSignedBeforeTheDraftWasCoveredStillVerifyAndStillShowAnEdit() {
    String no = submitted();
    Instant signedAt = Instant.parse("2026-03-02T02:00:00Z").truncatedTo(ChronoUnit.MICROS);
    SignOff first = rows.save(new SignOff(new SignOffContent(1, no, 1, 0, "DO-DAAN", "CHIEF", "do-daan-chief", null,
        signedAt, "APPROVE", "如擬", SignedDraft.decision(DecisionKind.FORWARD, null, null)), null));
    rows.save(new SignOff(new SignOffContent(1, no, 2, 1, "SOCIAL", "CHIEF", "social-chief", null,
        signedAt.plusSeconds(3600), "APPROVE", "", SignedDraft.decision(DecisionKind.APPROVE, null, null)),
        first.getHash()));

    assertThat(chain(no).get("verified").asBoolean()).as("version 1 rows verify as version 1").isTrue();

    unguarded(() -> jdbc.update("update sign_off set opinion = '不予同意' where application_no = ? and seq = 2", no));
    assertThat(chain(no).get("brokenAtSeq").asInt()).isEqualTo(2);
  }

  @Test
  void aRowCannotClaimTheOlderHashVersionToHideAnEditOfItsDraft() {
    String no = decided();
    SignOff second = rows.findByApplicationNoOrderBySeq(no).get(1);
    // The edited draft, re-hashed as version 1 (which does not cover drafts) by someone who knows how.
    String rehashed = new SignOffContent(1, no, 2, second.getLevel(), second.getAgency(), second.getRole(),
        second.getUserId(), null, second.getSignedAt(), second.getOutcome(), second.getOpinion(), second.draft())
        .hash(second.getPreviousHash());

    unguarded(() -> jdbc.update("update sign_off set hash_version = 1, draft_reasons = '不予列入', hash = ?"
        + " where application_no = ? and seq = 2", rehashed, no));

    JsonNode chain = chain(no);
    assertThat(chain.get("verified").asBoolean()).isFalse();
    assertThat(chain.get("brokenAtSeq").asInt()).isEqualTo(2);
    assertThat(chain.get("problem").asText()).as("caught as a version 1 row after a newer one, before the receipt")
        .contains("no longer matches its hash or its place");
  }

  private String submitted() {
    Api.Response submitted = api.submit(Submission.lowIncome());
    assertThat(submitted.status()).isEqualTo(201);
    return submitted.body().get("applicationNo").asText();
  }

  private String decided() {
    String no = submitted();
    api.workTask("do-daan-clerk", no, APPROVE, OPINION.of("擬陳轉"));
    api.workTask("do-daan-chief", no, APPROVE, OPINION.of("如擬"));
    api.workTask("social-clerk", no, APPROVE, OPINION.of("核列低收入戶"));
    api.workTask("social-chief", no, APPROVE, OPINION.of("如擬"));
    assertThat(api.get("/api/applications/" + no).body().get("status").asText()).isEqualTo("DECIDED");
    return no;
  }

  private JsonNode chain(String no) {
    Api.Response response = api.get("/api/applications/" + no + "/sign-offs");
    assertThat(response.status()).isEqualTo(200);
    return response.body();
  }

  private JsonNode verify(String receipt) {
    Api.Response response =
        api.anonymous().postJson("/api/receipts/verify", "{\"receipt\": \"" + receipt + "\"}", new HttpHeaders());
    assertThat(response.status()).as("%s", response.body()).isEqualTo(200);
    return response.body();
  }

  /** What someone who can switch the database's append-only guard off can do. */
  private void unguarded(Runnable change) {
    jdbc.execute("alter table sign_off disable trigger sign_off_append_only");
    try {
      change.run();
    } finally {
      jdbc.execute("alter table sign_off enable trigger sign_off_append_only");
    }
  }
}
