package com.bpocontractflow.retention;

import static com.bpocontractflow.signing.ContractSigningProcess.Vars.*;
import static com.bpocontractflow.signing.SigningTestData.*;
import static com.bpocontractflow.term.ServiceTermProcess.Vars.DATA_CHOICE_SOURCE;
import static com.bpocontractflow.term.ServiceTermProcess.Vars.DATA_DELETION_METHOD;
import static com.bpocontractflow.term.ServiceTermProcess.Vars.DATA_DISPOSAL;
import static com.bpocontractflow.term.ServiceTermProcess.Vars.DATA_DISPOSAL_NOTE;
import static com.bpocontractflow.term.ServiceTermProcess.Vars.STAFF_DATA_CHOICE;
import static com.bpocontractflow.term.ServiceTermProcess.Vars.DATA_DISPOSED_ON;
import static com.bpocontractflow.term.ServiceTermProcess.Vars.NOTICE_PARTY;
import static com.bpocontractflow.term.ServiceTermProcess.Vars.NOTICE_RECEIVED_DATE;
import static com.bpocontractflow.term.ServiceTermProcess.Vars.TERMINATION_REASON;
import static com.bpocontractflow.term.ServiceTermProcess.Vars.UNPAID_INVOICES;
import static com.bpocontractflow.term.ServiceTermProcess.Vars.USAGE_FEES;
import static org.assertj.core.api.Assertions.assertThat;

import com.bpocontractflow.common.Clocks;
import com.bpocontractflow.common.Sha256;
import com.bpocontractflow.contract.ContractRepository;
import com.bpocontractflow.mail.OutboxSender;
import com.bpocontractflow.signing.SigningRest;
import com.bpocontractflow.signing.SigningRest.Started;
import java.math.BigDecimal;
import java.net.http.HttpClient;
import java.sql.Timestamp;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricFormField;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The retention job on contracts that ended in every way — closed after the service term, proposal declined,
 * signing abandoned, signed but its process cancelled — and on one still running, with the engine's clock
 * set to fixed dates. Every table row of every contract is compared before and after each run: exactly the
 * listed columns and rows change, amounts and settlements stay.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "spring.datasource.url=jdbc:h2:mem:personal-data-retention-test;DB_CLOSE_DELAY=-1",
    "bpo.mail.sender-enabled=false",
    "bpo.retention.enabled=false",
    "camunda.bpm.job-execution.enabled=false"})
class PersonalDataRetentionTest {

  static final Pattern LINK = Pattern.compile("https?://[^\"\\s]+/m/([A-Za-z0-9_-]{43})");
  static final Pattern DOCUMENT_HASH = Pattern.compile("name=\"documentSha256\" value=\"([0-9a-f]{64})\"");
  static final String PHONE = "13812345678";
  static final String LINK_ANSWER = "商家 王小明（杭州小象旗舰店），通过邮件链接";

  @LocalServerPort
  int port;
  @Autowired
  TestRestTemplate anonymous;
  @Autowired
  PersonalDataRetention retention;
  @Autowired
  OutboxSender sender;
  @Autowired
  com.bpocontractflow.mail.MailOutbox outbox;
  @Autowired
  ContractRepository contracts;
  @Autowired
  RuntimeService runtimeService;
  @Autowired
  HistoryService historyService;
  @Autowired
  ManagementService managementService;
  @Autowired
  JdbcClient jdbc;
  @Autowired
  com.bpocontractflow.onboarding.OnboardingChecklist onboardingChecklist;

  final HttpClient http = HttpClient.newHttpClient();
  final com.bpocontractflow.merchant.MerchantBrowser browser =
      new com.bpocontractflow.merchant.MerchantBrowser(http);
  SigningRest rest;

  @BeforeEach
  void setUp() {
    rest = new SigningRest(anonymous);
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @Test
  void shouldAnonymiseContactDataAndDeleteMailsAndLinksAConfiguredTimeAfterTheEndKeepingAmountsAndEvidence()
      throws Exception {
    // ---- 1 March 2027: five contracts
    clock(LocalDate.of(2027, 3, 1), 10);
    Started closed = liveElectronicContractAnsweredThroughLinks();
    Started declined = rest.start(request(PHONE));
    rest.complete(declined, "draft-proposal", proposal("5000.00"));
    rest.complete(declined, "confirm-proposal", vars(PROPOSAL_DECISION, "DECLINED",
        PROPOSAL_COMMENT, "预算不足，暂不合作，如有需要请致电 " + PHONE));
    Started abandoned = rest.start(request(PHONE));
    rest.complete(abandoned, "draft-proposal", proposal("5000.00"));
    runtimeService.deleteProcessInstance(abandoned.processInstanceId(), "商家不再回复");
    Started signedThenCancelled = rest.start(request(PHONE));
    rest.agreeOnContract(signedThenCancelled, "PAPER", "5000.00");
    rest.signOnPaper(signedThenCancelled);
    runtimeService.deleteProcessInstance(signedThenCancelled.processInstanceId(), "误操作");
    Started running = rest.start(request(PHONE));
    rest.complete(running, "draft-proposal", proposal("5000.00"));
    deliverAll();

    Map<String, List<Map<String, Object>>> runningRows = rows(running);
    Map<String, List<Map<String, Object>>> cancelledRows = rows(signedThenCancelled);
    Map<String, List<Map<String, Object>>> declinedRows = rows(declined);
    Map<String, List<Map<String, Object>>> abandonedRows = rows(abandoned);
    assertThat(contracts.findByNumber(running.number()).orElseThrow().contactPhone()).isEqualTo(PHONE);

    // the day they ended is recorded; nothing is anonymised yet
    assertReport(retention.run(), List.of(declined, abandoned), List.of(), List.of(), List.of(),
        List.of(signedThenCancelled));
    assertThat(endedOn(declined)).isEqualTo(LocalDate.of(2027, 3, 1));
    assertThat(endedOn(abandoned)).isEqualTo(LocalDate.of(2027, 3, 1));
    assertThat(rows(declined)).isEqualTo(with(declinedRows, "contract", 0, "ended_on", LocalDate.of(2027, 3, 1)));
    assertThat(rows(abandoned)).isEqualTo(with(abandonedRows, "contract", 0, "ended_on", LocalDate.of(2027, 3, 1)));
    declinedRows = rows(declined);
    abandonedRows = rows(abandoned);
    assertThat(rows(running)).isEqualTo(runningRows);
    assertThat(rows(signedThenCancelled)).isEqualTo(cancelledRows);

    // ---- the closed contract: notice on 10 March, service to 9 April, settled, data deleted on 12 April
    clock(LocalDate.of(2027, 3, 10), 15);
    rest.correlate("TerminationNoticeReceived", closed, vars(NOTICE_PARTY, "MERCHANT",
        NOTICE_RECEIVED_DATE, "2027-03-10", TERMINATION_REASON, "店铺转型，不再需要外包客服"));
    String termId = runtimeService.createProcessInstanceQuery().superProcessInstanceId(closed.processInstanceId())
        .singleResult().getId();
    Started term = new Started(termId, closed.number());
    clock(LocalDate.of(2027, 4, 10), 1);
    managementService.executeJob(managementService.createJobQuery().processInstanceId(termId)
        .activityId("TimerEvent_ServiceEnds").singleResult().getId());
    rest.complete(term, "final-settlement", vars(UNPAID_INVOICES, "8000.00", USAGE_FEES, "12345.67"));
    clock(LocalDate.of(2027, 4, 12), 11);
    // what the merchant registered on its onboarding checklist (its notes may name people)
    onboardingChecklist.save(id(closed), Map.of(com.bpocontractflow.onboarding.ChecklistItem.SUBACCOUNT_AUTHORISATION,
        new com.bpocontractflow.onboarding.OnboardingChecklist.Submitted(true, "千牛子账号由张三开通")), "商家（邮件链接）");
    rest.complete(term, "revoke-merchant-access", vars(com.bpocontractflow.term.ServiceTermProcess.Vars.REVOKED_ACCESS,
        "千牛子账号 5 个已解除授权", com.bpocontractflow.term.ServiceTermProcess.Vars.ACCESS_REVOKED_ON, "2027-04-10"));
    rest.complete(term, "return-or-delete-data", vars(STAFF_DATA_CHOICE, "DELETED", DATA_CHOICE_SOURCE, "2027年4月1日商家来函",
        DATA_DISPOSAL, "DELETED", DATA_DISPOSED_ON, "2027-04-12",
        DATA_DELETION_METHOD, "客服系统数据库记录删除并覆盖，备份随 30 天轮换过期",
        DATA_DISPOSAL_NOTE, "子账号已注销，聊天记录导出文件已删除"));
    deliverAll();
    assertThat(contracts.findByNumber(closed.number()).orElseThrow().status()).isEqualTo("CLOSED");
    Map<String, List<Map<String, Object>>> closedRows = rows(closed);
    assertClosedContractHoldsPersonalData(closed, closedRows);

    // ---- 27 August: the closed contract's end is recorded; the declined one is one day short of 180 days
    clock(LocalDate.of(2027, 8, 27), 10);
    assertReport(retention.run(), List.of(closed), List.of(), List.of(), List.of(), List.of(signedThenCancelled));
    assertThat(endedOn(closed)).isEqualTo(LocalDate.of(2027, 4, 12));
    closedRows = with(closedRows, "contract", 0, "ended_on", LocalDate.of(2027, 4, 12));
    assertThat(rows(closed)).isEqualTo(closedRows);
    assertThat(rows(declined)).isEqualTo(declinedRows);
    assertThat(rows(abandoned)).isEqualTo(abandonedRows);

    // ---- 28 August = 1 March + 180 days: the declined contract is anonymised; the abandoned one waits for
    // an e-mail still to be delivered, and is anonymised once it is
    clock(LocalDate.of(2027, 8, 28), 10);
    jdbc.sql("UPDATE mail_outbox SET status = 'PENDING', sent_at = NULL WHERE id = (SELECT MAX(id) FROM mail_outbox "
        + "WHERE contract_number = :number)").param("number", abandoned.number()).update();
    abandonedRows = rows(abandoned);
    assertReport(retention.run(), List.of(), List.of(declined), List.of(), List.of(abandoned),
        List.of(signedThenCancelled));
    assertThat(rows(declined)).isEqualTo(anonymised(declinedRows));
    assertThat(rows(abandoned)).isEqualTo(abandonedRows);
    assertThat(personalHistory(declined)).isEmpty();
    assertThat(personalHistory(abandoned)).isNotEmpty();
    deliverAll();
    abandonedRows = rows(abandoned);
    assertReport(retention.run(), List.of(), List.of(abandoned), List.of(), List.of(), List.of(signedThenCancelled));
    assertThat(rows(abandoned)).isEqualTo(anonymised(abandonedRows));
    assertThat(personalHistory(abandoned)).isEmpty();
    declinedRows = rows(declined);
    abandonedRows = rows(abandoned);

    // ---- 1 September: one more proposal declined
    clock(LocalDate.of(2027, 9, 1), 10);
    Started declinedLater = rest.start(request(PHONE));
    rest.complete(declinedLater, "draft-proposal", proposal("5000.00"));
    rest.complete(declinedLater, "confirm-proposal", proposalAnswer("DECLINED"));
    deliverAll();

    // ---- 8 October: one day short of 180 days after the closed contract's end
    clock(LocalDate.of(2027, 10, 8), 23);
    assertReport(retention.run(), List.of(declinedLater), List.of(), List.of(), List.of(),
        List.of(signedThenCancelled));
    assertThat(rows(closed)).isEqualTo(closedRows);
    Map<String, List<Map<String, Object>>> declinedLaterRows = rows(declinedLater);

    // ---- 9 October = 12 April + 180 days: the closed contract is anonymised
    clock(LocalDate.of(2027, 10, 9), 0);
    assertReport(retention.run(), List.of(), List.of(closed), List.of(), List.of(), List.of(signedThenCancelled));
    Map<String, List<Map<String, Object>>> expected = anonymised(closedRows);
    expected = with(expected, "review_round", 0, "answered_by", RetentionTables.MERCHANT_ANONYMISED);
    expected = with(expected, "review_round", 1, "answered_by", RetentionTables.MERCHANT_ANONYMISED);
    expected = with(expected, "review_comment", 0, "author", RetentionTables.MERCHANT_ANONYMISED);
    assertThat(rows(closed)).isEqualTo(expected);
    assertThat(personalHistory(closed)).isEmpty();
    // the rest of the history stays: the merchant's (shop) name, the signer's evidence until its own time
    assertThat(historyValues(closed, List.of(MERCHANT_NAME, SIGNER_NAME, SIGNER_IP)))
        .containsEntry(MERCHANT_NAME, "杭州小象旗舰店").containsEntry(SIGNER_NAME, "王小明")
        .containsEntry(SIGNER_IP, "127.0.0.1");
    assertThat(formFields(closed)).contains(MERCHANT_NAME, SHOP_PLATFORM).doesNotContainAnyElementsOf(
        PersonalDataRetention.PERSONAL_VARIABLES);
    assertThat(jdbc.sql("SELECT merchant_pays FROM final_settlement WHERE contract_id = :id")
        .param("id", id(closed)).query(BigDecimal.class).single()).isEqualByComparingTo("35345.67");
    closedRows = rows(closed);
    assertThat(rows(declinedLater)).isEqualTo(declinedLaterRows);
    assertThat(rows(declined)).isEqualTo(declinedRows);

    // ---- 11 April 2030: three years after 1 March 2027, not yet after 12 April 2027
    clock(LocalDate.of(2030, 4, 11), 10);
    assertReport(retention.run(), List.of(), List.of(declinedLater), List.of(declined, abandoned), List.of(),
        List.of(signedThenCancelled));
    assertThat(rows(closed)).isEqualTo(closedRows);
    assertThat(rows(declinedLater)).isEqualTo(anonymised(declinedLaterRows));
    assertThat(rows(declined)).isEqualTo(evidenceReduced(declinedRows));
    assertThat(rows(abandoned)).isEqualTo(evidenceReduced(abandonedRows));

    // ---- 12 April 2030: the signer's IP address and user agent go; the signature and its document stay
    clock(LocalDate.of(2030, 4, 12), 10);
    assertReport(retention.run(), List.of(), List.of(), List.of(closed), List.of(), List.of(signedThenCancelled));
    expected = evidenceReduced(closedRows);
    expected = with(expected, "contract", 0, "merchant_signer_ip", null);
    expected = with(expected, "contract", 0, "merchant_signer_user_agent", null);
    expected = with(expected, "contract_signature", 0, "ip", null); // MERCHANT
    expected = with(expected, "contract_signature", 0, "user_agent", null);
    expected = with(expected, "contract_signature", 0, "recorded_by", RetentionTables.MERCHANT_ANONYMISED);
    assertThat(rows(closed)).isEqualTo(expected);
    assertThat(historyValues(closed, List.of(SIGNER_NAME, SIGNER_IP, SIGNER_USER_AGENT)))
        .containsExactly(Map.entry(SIGNER_NAME, "王小明"));

    // a further run finds nothing; the running contract and the signed one never changed
    assertReport(retention.run(), List.of(), List.of(), List.of(), List.of(), List.of(signedThenCancelled));
    assertThat(rows(running)).isEqualTo(runningRows);
    assertThat(rows(signedThenCancelled)).isEqualTo(cancelledRows);
    assertThat(personalHistory(running)).containsEntry(CONTACT_PHONE, PHONE);
  }

  /** What the closed contract holds before the job: the data the job must remove, and what it must keep. */
  void assertClosedContractHoldsPersonalData(Started closed, Map<String, List<Map<String, Object>>> rows) {
    Map<String, Object> contract = rows.get("contract").get(0);
    assertThat(contract).containsEntry("contact_person", "王小明").containsEntry("contact_phone", PHONE)
        .containsEntry("merchant_email", "ops@xiaoxiang.example.com").containsEntry("merchant_signer_ip", "127.0.0.1")
        .containsEntry("merchant_signer_user_agent", "bpo-contract-flow-test");
    assertThat(rows.get("review_round")).extracting(r -> r.get("answered_by")).containsExactly(LINK_ANSWER, LINK_ANSWER);
    assertThat(rows.get("review_comment")).extracting(r -> r.get("author")).containsExactly(LINK_ANSWER);
    assertThat(rows.get("contract_signature")).extracting(r -> r.get("party"), r -> r.get("ip"), r -> r.get("recorded_by"))
        .containsExactly(org.assertj.core.groups.Tuple.tuple("MERCHANT", "127.0.0.1", LINK_ANSWER),
            org.assertj.core.groups.Tuple.tuple("PROVIDER", null, "manager"));
    assertThat(rows.get("merchant_link")).extracting(r -> r.get("used_from_ip")).contains("127.0.0.1");
    assertThat(rows.get("onboarding_checklist")).extracting(r -> r.get("note")).containsExactly("千牛子账号由张三开通");
    assertThat(rows.get("merchant_access_revocation")).extracting(r -> r.get("revoked_access"))
        .containsExactly("千牛子账号 5 个已解除授权");
    assertThat(rows.get("signing_code")).extracting(r -> r.get("sent_to")).containsExactly("l***@xiaoxiang.example.com");
    assertThat(rows.get("contract_signature")).extracting(r -> r.get("identification"))
        .containsExactly("电子邮件一次性验证码 至 l***@xiaoxiang.example.com", null);
    assertThat(rows.get("mail_outbox")).isNotEmpty().allSatisfy(m -> assertThat(m.get("status")).isEqualTo("SENT"));
    assertThat(rows.get("final_settlement")).hasSize(1);
    assertThat(rows.get("deposit_payment")).hasSize(1);
    assertThat(rows.get("contract_document")).hasSize(2);
    assertThat(personalHistory(closed)).containsEntry(CONTACT_PERSON, "王小明").containsEntry(CONTACT_PHONE, PHONE);
    assertThat(formFields(closed)).contains(CONTACT_PERSON, MERCHANT_EMAIL, CONTACT_PHONE, SERVICE_NEEDS);
  }

  // ---------------------------------------------------------------- the contracts

  /**
   * Started from the start form as Tasklist submits it; the merchant accepts the proposal, asks for a change
   * and agrees to the clauses, and signs, all through the links in its e-mails; live on 1 March 2027.
   */
  Started liveElectronicContractAnsweredThroughLinks() throws Exception {
    Map<String, Object> started = rest.as("sales").post("/process-definition/key/contract-signing/submit-form",
        Map.of("variables", SigningRest.typed(request(PHONE))), HttpStatus.OK);
    Started contract = new Started((String) started.get("id"), (String) started.get("businessKey"));
    rest.complete(contract, "draft-proposal", proposal("5000.00"));
    assertThat(browser.post(link(contract, "PROPOSAL"), Map.of("decision", "ACCEPTED")).statusCode()).isEqualTo(200);
    Map<String, Object> draft = new HashMap<>(contractDraft("ELECTRONIC", "5000.00"));
    draft.put(TRIAL_DAYS, 0);
    draft.put(EARLY_TERMINATION_PENALTY, "20000.00");
    rest.complete(contract, "draft-contract", draft);
    assertThat(browser.post(link(contract, "CONTRACT_FOR_REVIEW"), Map.of("agreed", "false", "clause5", "请写明仲裁委员会的名称"))
        .statusCode()).isEqualTo(200);
    rest.complete(contract, "revise-clauses", revision());
    assertThat(browser.post(link(contract, "CONTRACT_FOR_REVIEW"), Map.of("agreed", "true")).statusCode()).isEqualTo(200);
    String signLink = link(contract, "SIGNING_INSTRUCTIONS");
    Matcher hash = DOCUMENT_HASH.matcher(browser.get(signLink).body());
    assertThat(hash.find()).isTrue();
    assertThat(browser.post(signLink + "/code", Map.of()).statusCode()).isEqualTo(200);
    assertThat(browser.post(signLink, Map.of("signerName", "王小明", "consent", "on", "documentSha256", hash.group(1),
        "code", com.bpocontractflow.merchant.SigningCodeMails.code(outbox, contract.number()),
        "authority", "LEGAL_REPRESENTATIVE")).statusCode()).isEqualTo(200);
    rest.complete(contract, "countersign-contract", countersign());
    rest.correlate("DepositReceived", contract, payment("5000.00", "PAY-RETENTION-1"));
    rest.complete(contract, "conduct-training", training());
    rest.complete(contract, "assess-training", assessment(true));
    rest.complete(contract, "authorize-subaccounts", subaccounts());
    rest.complete(contract, "configure-cs-software", software());
    rest.complete(contract, "approve-go-live", vars(GO_LIVE_DATE, "2027-03-01", GO_LIVE_APPROVED, true));
    return contract;
  }

  static Map<String, Object> request(String phone) {
    Map<String, Object> request = new HashMap<>(com.bpocontractflow.signing.SigningTestData.request());
    request.put(CONTACT_PHONE, phone);
    return request;
  }

  // ---------------------------------------------------------------- expectations

  /** The rows after the contact data was anonymised on {@code day}: the outbox and the links are gone. */
  static Map<String, List<Map<String, Object>>> anonymised(Map<String, List<Map<String, Object>>> rows) {
    LocalDate day = Clocks.today();
    Map<String, List<Map<String, Object>>> expected = rows;
    expected = with(expected, "contract", 0, "contact_person", RetentionTables.ANONYMISED);
    expected = with(expected, "contract", 0, "merchant_email", RetentionTables.ANONYMISED);
    expected = with(expected, "contract", 0, "contact_phone", null);
    expected = with(expected, "contract", 0, "service_needs", null);
    expected = with(expected, "contract", 0, "proposal_comment", null);
    expected = with(expected, "contract", 0, "personal_data_anonymised_on", day);
    expected = with(expected, "contract", 0, "updated_at", ClockUtil.getCurrentTime().toInstant());
    expected = new TreeMap<>(expected);
    expected.put("mail_outbox", List.of());
    expected.put("merchant_link", List.of());
    expected.put("onboarding_checklist", List.of());
    expected.put("signing_code", List.of());
    return expected;
  }

  static Map<String, List<Map<String, Object>>> evidenceReduced(Map<String, List<Map<String, Object>>> rows) {
    Map<String, List<Map<String, Object>>> expected = with(rows, "contract", 0, "signing_evidence_reduced_on",
        Clocks.today());
    return with(expected, "contract", 0, "updated_at", ClockUtil.getCurrentTime().toInstant());
  }

  /** A copy of the rows with one column of one row (by table and position) set to a value. */
  static Map<String, List<Map<String, Object>>> with(Map<String, List<Map<String, Object>>> rows, String table,
      int index, String column, Object value) {
    Map<String, List<Map<String, Object>>> copy = new TreeMap<>(rows);
    List<Map<String, Object>> tableRows = new ArrayList<>(rows.get(table));
    Map<String, Object> row = new TreeMap<>(tableRows.get(index));
    assertThat(row).as("%s has %s", table, column).containsKey(column);
    row.put(column, value);
    tableRows.set(index, row);
    copy.put(table, tableRows);
    return copy;
  }

  void assertReport(PersonalDataRetention.Report report, List<Started> ends, List<Started> anonymised,
      List<Started> reduced, List<Started> waiting, List<Started> signedButCancelled) {
    assertThat(report.endsRecorded()).as("ends recorded").containsExactlyElementsOf(numbers(ends));
    assertThat(report.anonymised()).as("anonymised").containsExactlyElementsOf(numbers(anonymised));
    assertThat(report.evidenceReduced()).as("evidence reduced").containsExactlyElementsOf(numbers(reduced));
    assertThat(report.waiting()).as("waiting").containsExactlyElementsOf(numbers(waiting));
    assertThat(report.signedButProcessCancelled()).as("signed, process cancelled")
        .containsExactlyElementsOf(numbers(signedButCancelled));
  }

  static List<String> numbers(List<Started> contracts) {
    return contracts.stream().map(Started::number).toList();
  }

  // ---------------------------------------------------------------- the tables and the history

  /** Every row of the contract in every application table, by table, in id order, values comparable. */
  Map<String, List<Map<String, Object>>> rows(Started contract) {
    long id = id(contract);
    Map<String, List<Map<String, Object>>> rows = new TreeMap<>();
    for (String table : List.of("deposit_payment", "merchant_link", "contract_clause_set", "termination_notice",
        "sla_review", "dispute", "contract_document", "contract_signature", "review_round", "signing_code",
        "signing_authority_document")) {
      rows.put(table, select("SELECT * FROM " + table + " WHERE contract_id = :id ORDER BY id", id));
    }
    rows.put("onboarding_checklist", select("SELECT * FROM onboarding_checklist WHERE contract_id = :id ORDER BY item", id));
    for (String table : List.of("contract_term", "final_settlement", "merchant_access_revocation")) {
      rows.put(table, select("SELECT * FROM " + table + " WHERE contract_id = :id", id));
    }
    rows.put("contract", select("SELECT * FROM contract WHERE id = :id", id));
    rows.put("review_comment", select("SELECT c.* FROM review_comment c JOIN review_round r ON r.id = c.review_round_id "
        + "WHERE r.contract_id = :id ORDER BY c.id", id));
    rows.put("mail_outbox", jdbc.sql("SELECT * FROM mail_outbox WHERE contract_number = :number ORDER BY id")
        .param("number", contract.number()).query().listOfRows().stream().map(PersonalDataRetentionTest::comparable)
        .toList());
    return rows;
  }

  List<Map<String, Object>> select(String sql, long id) {
    return jdbc.sql(sql).param("id", id).query().listOfRows().stream().map(PersonalDataRetentionTest::comparable)
        .toList();
  }

  /** Lower-case column names; dates as LocalDate, instants as Instant, bytes as their SHA-256 (H2 and PostgreSQL). */
  static Map<String, Object> comparable(Map<String, Object> row) {
    Map<String, Object> result = new TreeMap<>();
    row.forEach((column, value) -> result.put(column.toLowerCase(), comparable(value)));
    return result;
  }

  static Object comparable(Object value) {
    if (value instanceof java.sql.Date date) {
      return date.toLocalDate();
    } else if (value instanceof Timestamp timestamp) {
      return timestamp.toInstant();
    } else if (value instanceof OffsetDateTime time) {
      return time.toInstant();
    } else if (value instanceof byte[] bytes) {
      return Sha256.hex(bytes);
    }
    return value;
  }

  long id(Started contract) {
    return contracts.findByNumber(contract.number()).orElseThrow().id();
  }

  LocalDate endedOn(Started contract) {
    return jdbc.sql("SELECT ended_on FROM contract WHERE contract_number = :number").param("number", contract.number())
        .query(LocalDate.class).single();
  }

  /** The personal variables left in the history of the contract's process instances, by name. */
  Map<String, Object> personalHistory(Started contract) {
    return historyValues(contract, PersonalDataRetention.PERSONAL_VARIABLES);
  }

  Map<String, Object> historyValues(Started contract, List<String> names) {
    Map<String, Object> values = new LinkedHashMap<>();
    for (HistoricVariableInstance variable : historyService.createHistoricVariableInstanceQuery()
        .processInstanceIdIn(instances(contract)).variableNameIn(names.toArray(String[]::new)).list()) {
      values.put(variable.getName(), variable.getValue());
    }
    return values;
  }

  /** The names of the form fields submitted for the contract that the history keeps. */
  List<String> formFields(Started contract) {
    return historyService.createHistoricDetailQuery().formFields().list().stream()
        .filter(detail -> List.of(instances(contract)).contains(detail.getProcessInstanceId()))
        .map(detail -> ((HistoricFormField) detail).getFieldId()).distinct().toList();
  }

  String[] instances(Started contract) {
    return historyService.createHistoricProcessInstanceQuery().processInstanceBusinessKey(contract.number()).list()
        .stream().map(instance -> instance.getId()).toArray(String[]::new);
  }

  // ---------------------------------------------------------------- clock, outbox, links

  static void clock(LocalDate day, int hour) {
    ClockUtil.setCurrentTime(Date.from(day.atTime(hour, 0).atZone(Clocks.ZONE).toInstant()));
  }

  void deliverAll() {
    while (sender.sendDue() > 0) {
      // deliver everything due
    }
  }

  /** The link in the newest e-mail of the template. */
  String link(Started contract, String template) {
    List<com.bpocontractflow.mail.OutboxMail> mails = jdbc.sql(
            "SELECT * FROM mail_outbox WHERE contract_number = :number AND template = :template ORDER BY id DESC")
        .param("number", contract.number()).param("template", template)
        .query(com.bpocontractflow.mail.OutboxMail.class).list();
    assertThat(mails).as("%s e-mail", template).isNotEmpty();
    Matcher matcher = LINK.matcher(mails.get(0).bodyText());
    assertThat(matcher.find()).isTrue();
    return "http://localhost:" + port + "/m/" + matcher.group(1);
  }
}
