package com.bpocontractflow.pipeline;

import static com.bpocontractflow.signing.ContractSigningProcess.Tasks.CONFIRM_PROPOSAL;
import static com.bpocontractflow.signing.ContractSigningProcess.Tasks.DRAFT_PROPOSAL;
import static com.bpocontractflow.signing.SigningTestData.proposal;
import static com.bpocontractflow.signing.SigningTestData.proposalAnswer;
import static com.bpocontractflow.signing.SigningTestData.request;
import static org.assertj.core.api.Assertions.assertThat;

import com.bpocontractflow.common.Clocks;
import com.bpocontractflow.signing.SigningRest;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The managers' pipeline as JSON: stages, steps, who sees which contract, filters and refusals. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "spring.datasource.url=jdbc:h2:mem:pipeline-test;DB_CLOSE_DELAY=-1",
    "bpo.mail.sender-enabled=false",
    "camunda.bpm.job-execution.enabled=false"})
class PipelineTest {

  @Autowired
  TestRestTemplate http;
  @Autowired
  JdbcClient jdbc;
  SigningRest rest;
  SigningRest.Started proposing;
  SigningRest.Started drafting;

  @BeforeEach
  void oneContractAtTheProposalAndOneAtTheDraft() {
    rest = new SigningRest(http);
    proposing = rest.start(request());
    drafting = rest.start(request());
    rest.complete(drafting, DRAFT_PROPOSAL, proposal("5000.00"));
    rest.complete(drafting, CONFIRM_PROPOSAL, proposalAnswer("ACCEPTED"));
  }

  ResponseEntity<Map<String, Object>> get(String user, String query) {
    return http.withBasicAuth(user, "demo").exchange("/staff/pipeline" + query, HttpMethod.GET, null,
        new ParameterizedTypeReference<Map<String, Object>>() { });
  }

  /** This test's two contracts among those {@code user} sees, by number. */
  @SuppressWarnings("unchecked")
  Map<String, Map<String, Object>> mine(String user, String query) {
    ResponseEntity<Map<String, Object>> response = get(user, query);
    assertThat(response.getStatusCode().value()).isEqualTo(200);
    return ((List<Map<String, Object>>) response.getBody().get("contracts")).stream()
        .filter(row -> List.of(proposing.number(), drafting.number()).contains(row.get("contractNumber")))
        .collect(java.util.stream.Collectors.toMap(row -> (String) row.get("contractNumber"), row -> row));
  }

  @Test
  @SuppressWarnings("unchecked")
  void shouldShowManagersEachOpenContractWithItsStageStepAndTarget() {
    Map<String, Map<String, Object>> rows = mine("manager", "");
    assertThat(rows).containsOnlyKeys(proposing.number(), drafting.number());

    Map<String, Object> first = rows.get(proposing.number());
    assertThat(first).containsEntry("stage", "NEEDS_AND_PROPOSAL").containsEntry("stageLabel", "需求与方案")
        .containsEntry("merchantName", "杭州小象旗舰店").containsEntry("signingTarget", "ON_TIME")
        .containsEntry("signingTargetLabel", "按期").containsEntry("daysSinceRequest", 0);
    List<Map<String, Object>> steps = (List<Map<String, Object>>) first.get("steps");
    assertThat(steps).singleElement().satisfies(step -> {
      assertThat(step).containsEntry("taskKey", DRAFT_PROPOSAL).containsEntry("teams", List.of("sales"))
          .containsEntry("teamLabels", List.of("销售团队"))
          .containsEntry("assignee", null).containsEntry("daysInStep", 0);
      assertThat((String) step.get("name")).isNotBlank();
    });
    assertThat((Map<String, Object>) first.get("lastEmail")).containsKey("subject").containsKey("statusLabel")
        .extractingByKey("subject").asString().contains(proposing.number());
    assertThat((Map<String, String>) first.get("links")).containsEntry("documents",
        "/staff/contracts/" + proposing.number() + "/documents").containsKey("cockpit")
        .containsEntry("documentsPage", "/staff/contracts/" + proposing.number());

    Map<String, Object> second = rows.get(drafting.number());
    assertThat(second).containsEntry("stage", "CONTRACT_REVIEW");
    assertThat((List<Map<String, Object>>) second.get("steps")).extracting(step -> step.get("teams"))
        .containsExactly(List.of("legal"));

    List<Map<String, Object>> stages = (List<Map<String, Object>>) get("manager", "").getBody().get("stages");
    assertThat(stages).extracting(stage -> stage.get("stage")).containsExactly("NEEDS_AND_PROPOSAL",
        "CONTRACT_REVIEW", "SIGNING", "DEPOSIT", "ONBOARDING", "LIVE", "TERMINATING");
    assertThat(stages).allSatisfy(stage -> assertThat((Integer) stage.get("count")).isNotNegative());
    assertThat(get("manager", "").getBody()).containsEntry("scope", "ALL");
  }

  /** #14 item 7: once both parties have signed, the signing target is met and the go-live target runs. */
  @Test
  @SuppressWarnings("unchecked")
  void shouldShowTheGoLiveTargetInsteadOfTheSigningTargetOnceTheContractIsFormed() {
    SigningRest.Started signed = rest.start(request());
    rest.agreeOnContract(signed, "PAPER", "5000.00");
    rest.signOnPaper(signed);

    Map<String, Object> row = row("", signed.number());
    assertThat(row).containsEntry("stage", "DEPOSIT").containsEntry("signingTarget", null)
        .containsEntry("signingTargetLabel", null).containsEntry("goLiveTarget", "ON_TIME")
        .containsEntry("goLiveTargetLabel", "按期");
    assertThat(mine("manager", "")).allSatisfy((number, before) -> assertThat(before)
        .as("not formed: no go-live target").containsEntry("goLiveTarget", null).containsKey("signingTarget"));

    // formed a month ago (the second signature recorded then): ten working days have passed
    jdbc.sql("UPDATE contract_signature SET recorded_at = :at WHERE contract_id = "
            + "(SELECT id FROM contract WHERE contract_number = :number)")
        .param("at", OffsetDateTime.now(Clocks.ZONE).minusDays(30)).param("number", signed.number()).update();

    assertThat(row("", signed.number())).containsEntry("goLiveTarget", "OVERDUE")
        .containsEntry("goLiveTargetLabel", "已超期").containsEntry("signingTarget", null);
    assertThat(row("?overdue=true", signed.number())).as("overdue against the go-live target").isNotNull();
  }

  ResponseEntity<Map<String, Object>> figures(String user) {
    return http.withBasicAuth(user, "demo").exchange("/staff/pipeline/figures", HttpMethod.GET, null,
        new ParameterizedTypeReference<Map<String, Object>>() { });
  }

  @SuppressWarnings("unchecked")
  static long endedCount(Map<String, Object> figures, String status, String stage) {
    return ((List<Map<String, Object>>) figures.get("endedBeforeFormation")).stream()
        .filter(row -> status.equals(row.get("status")) && stage.equals(row.get("stage")))
        .mapToLong(row -> ((Number) row.get("count")).longValue()).sum();
  }

  /**
   * #13: the managers' figures move by exactly what this test does: a contract formed 20 calendar days
   * after its request (past the 10-working-day target), one with its 5,000.00 deposit unpaid, a declined
   * proposal. The other tests of the class share the database, so the test compares before and after.
   */
  @Test
  @SuppressWarnings("unchecked")
  void shouldGiveManagersTheSigningTimeTheContractsEndedBeforeFormationAndTheDepositsOutstanding() {
    Map<String, Object> before = figures("manager").getBody();

    SigningRest.Started signed = rest.start(request());
    rest.agreeOnContract(signed, "PAPER", "5000.00");
    rest.signOnPaper(signed);
    jdbc.sql("UPDATE contract SET created_at = :at WHERE contract_number = :number")
        .param("at", OffsetDateTime.now(Clocks.ZONE).minusDays(20)).param("number", signed.number()).update();
    SigningRest.Started declined = rest.start(request());
    rest.complete(declined, DRAFT_PROPOSAL, proposal("5000.00"));
    rest.complete(declined, CONFIRM_PROPOSAL, proposalAnswer("DECLINED"));

    ResponseEntity<Map<String, Object>> response = figures("manager");
    assertThat(response.getStatusCode().value()).isEqualTo(200);
    Map<String, Object> after = response.getBody();
    Map<String, Object> signingBefore = (Map<String, Object>) before.get("signing");
    Map<String, Object> signing = (Map<String, Object>) after.get("signing");
    assertThat(signing).containsEntry("windowDays", 90).containsEntry("target", "PT240H")
        .containsEntry("targetWorkingDays", 10);
    assertThat((Integer) signing.get("contracts")).isEqualTo((Integer) signingBefore.get("contracts") + 1);
    assertThat((Integer) signing.get("withinTarget")).as("20 days is past the target")
        .isEqualTo(signingBefore.get("withinTarget"));
    assertThat(((Number) signing.get("p90Days")).longValue()).isGreaterThanOrEqualTo(0);

    assertThat(endedCount(after, "PROPOSAL_DECLINED", "NEEDS_AND_PROPOSAL"))
        .isEqualTo(endedCount(before, "PROPOSAL_DECLINED", "NEEDS_AND_PROPOSAL") + 1);
    assertThat((List<Map<String, Object>>) after.get("recentlyEnded"))
        .filteredOn(row -> declined.number().equals(row.get("contractNumber"))).singleElement()
        .satisfies(row -> assertThat(row).containsEntry("status", "PROPOSAL_DECLINED")
            .containsEntry("statusLabel", "服务方案未获接受").containsEntry("endedBy", "商家").containsKey("reason"));

    Map<String, Object> depositsBefore = (Map<String, Object>) before.get("depositsOutstanding");
    Map<String, Object> deposits = (Map<String, Object>) after.get("depositsOutstanding");
    assertThat(((Number) deposits.get("contracts")).longValue())
        .isEqualTo(((Number) depositsBefore.get("contracts")).longValue() + 1);
    assertThat(new java.math.BigDecimal(deposits.get("amount").toString())
        .subtract(new java.math.BigDecimal(depositsBefore.get("amount").toString()))).isEqualByComparingTo("5000.00");
  }

  @Test
  void shouldKeepTheFiguresToManagers() {
    ResponseEntity<Map<String, Object>> sales = figures("sales");
    assertThat(sales.getStatusCode().value()).isEqualTo(403);
    assertThat(sales.getBody()).containsEntry("message", "合同看板的统计数据仅供管理层查看");
    assertThat(http.getForEntity("/staff/pipeline/figures", String.class).getStatusCode().value()).isEqualTo(401);
  }

  /** Working days, as the targets count them, beside calendar days. */
  @Test
  @SuppressWarnings("unchecked")
  void shouldCountWorkingDaysBesideCalendarDays() {
    jdbc.sql("UPDATE contract SET created_at = :at WHERE contract_number = :number")
        .param("at", OffsetDateTime.now(Clocks.ZONE).minusDays(14)).param("number", proposing.number()).update();
    Map<String, Object> row = row("", proposing.number());
    assertThat(row).containsEntry("daysSinceRequest", 14);
    long working = com.bpocontractflow.calendar.ChineseWorkdays.shipped().workingDaysBetween(
        Clocks.today().minusDays(14), Clocks.today());
    assertThat(((Number) row.get("workingDaysSinceRequest")).longValue()).isEqualTo(working).isLessThan(14);
    assertThat((List<Map<String, Object>>) row.get("steps")).singleElement()
        .satisfies(step -> assertThat(step).containsEntry("workingDaysInStep", 0));
  }

  /** The row of one contract among those managers see with this query, or null. */
  @SuppressWarnings("unchecked")
  Map<String, Object> row(String query, String number) {
    ResponseEntity<Map<String, Object>> response = get("manager", query + (query.isEmpty() ? "?" : "&") + "limit=5000");
    assertThat(response.getStatusCode().value()).isEqualTo(200);
    return ((List<Map<String, Object>>) response.getBody().get("contracts")).stream()
        .filter(row -> number.equals(row.get("contractNumber"))).findFirst().orElse(null);
  }

  @Test
  void shouldShowATeamTheContractsItHasOrHadATaskOf() {
    assertThat(mine("legal", "")).containsOnlyKeys(drafting.number());
    assertThat(mine("sales", "")).as("an open task, and one worked before")
        .containsOnlyKeys(proposing.number(), drafting.number());
    assertThat(mine("finance", "")).isEmpty();
    assertThat(get("legal", "").getBody()).containsEntry("scope", "legal");
  }

  @Test
  void shouldFilterByStageTeamAndOverdue() {
    assertThat(mine("manager", "?stage=CONTRACT_REVIEW")).containsOnlyKeys(drafting.number());
    assertThat(mine("manager", "?team=sales")).containsOnlyKeys(proposing.number());
    assertThat(mine("manager", "?overdue=true")).isEmpty();
    assertThat(mine("manager", "?overdue=false&sort=daysInStep")).hasSize(2);
  }

  /**
   * 未回复 while a step waits for the merchant's answer, 已回复 once a link was used after the last e-mail,
   * nothing where no answer was asked (a receipt) or the answer came another way (staff recorded it).
   */
  @Test
  @SuppressWarnings("unchecked")
  void shouldSayWhetherTheMerchantAnsweredOnlyWhereAnAnswerIsAsked() {
    SigningRest.Started quoted = rest.start(request());
    rest.complete(quoted, DRAFT_PROPOSAL, proposal("5000.00"));
    Map<String, Map<String, Object>> rows = ((List<Map<String, Object>>) get("manager", "").getBody().get("contracts"))
        .stream().collect(java.util.stream.Collectors.toMap(row -> (String) row.get("contractNumber"), row -> row));

    assertThat(rows.get(quoted.number())).as("the quote awaits the merchant's answer")
        .containsEntry("merchantAnsweredLastEmail", false);
    assertThat(rows.get(proposing.number())).as("the last e-mail, the request's receipt, asks for no answer")
        .containsEntry("merchantAnsweredLastEmail", null);
    assertThat(rows.get(drafting.number())).as("sales recorded the answer").containsEntry("merchantAnsweredLastEmail",
        null);

    // the merchant had answered through the quote's link instead
    jdbc.sql("UPDATE merchant_link SET used_at = CURRENT_TIMESTAMP WHERE contract_id = "
            + "(SELECT id FROM contract WHERE contract_number = :number)")
        .param("number", drafting.number()).update();
    Map<String, Object> answered = mine("manager", "").get(drafting.number());
    assertThat(answered).containsEntry("merchantAnsweredLastEmail", true);
    assertThat(answered.get("merchantLastAnsweredAt")).isNotNull();
  }

  @Test
  @SuppressWarnings("unchecked")
  void shouldAnswerAPageOfRowsWithTheTotal() {
    Map<String, Object> all = get("manager", "?limit=5000").getBody();
    int total = (Integer) all.get("total");
    assertThat(total).isGreaterThanOrEqualTo(2);
    Map<String, Object> page = get("manager", "?limit=1&offset=1").getBody();
    assertThat(page).containsEntry("total", total).containsEntry("limit", 1).containsEntry("offset", 1);
    assertThat((List<Object>) page.get("contracts")).hasSize(1)
        .containsExactly(((List<Object>) all.get("contracts")).get(1));
    assertThat(get("manager", "?limit=0").getStatusCode().value()).isEqualTo(400);
    assertThat(get("manager", "?limit=5001").getStatusCode().value()).isEqualTo(400);
    assertThat(get("manager", "?offset=-1").getStatusCode().value()).isEqualTo(400);
    assertThat(get("manager", "?limit=abc").getStatusCode().value()).isEqualTo(400);
  }

  @Test
  void shouldRefuseUnknownFiltersInChineseAndStrangersAltogether() {
    ResponseEntity<Map<String, Object>> stage = get("manager", "?stage=SIGNED");
    assertThat(stage.getStatusCode().value()).isEqualTo(400);
    assertThat((String) stage.getBody().get("message")).startsWith("stage 只能是");
    assertThat(get("manager", "?team=payments").getStatusCode().value()).isEqualTo(400);
    assertThat(get("manager", "?overdue=yes").getStatusCode().value()).isEqualTo(400);
    assertThat(get("manager", "?sort=merchant").getStatusCode().value()).isEqualTo(400);
    assertThat(http.getForEntity("/staff/pipeline", String.class).getStatusCode().value()).isEqualTo(401);
    // (another user than the others of this class: a wrong password delays the user's next logins)
    assertThat(http.withBasicAuth("onboarding", "wrong").getForEntity("/staff/pipeline", String.class)
        .getStatusCode().value()).isEqualTo(401);
  }
}
