package com.bpocontractflow.signing;

import static org.assertj.core.api.Assertions.assertThat;

import static com.bpocontractflow.signing.ContractSigningProcess.Tasks.CONFIRM_DEPOSIT;
import static com.bpocontractflow.signing.ContractSigningProcess.Tasks.DRAFT_CONTRACT;
import static com.bpocontractflow.signing.ContractSigningProcess.Tasks.DRAFT_PROPOSAL;
import static com.bpocontractflow.signing.ContractSigningProcess.Tasks.RECEIVE_COUNTERSIGNED_CONTRACT;
import static com.bpocontractflow.signing.ContractSigningProcess.Tasks.REVISE_CLAUSES;
import static com.bpocontractflow.signing.ContractSigningProcess.Vars.*;

import com.bpocontractflow.common.Clocks;
import com.bpocontractflow.security.FormComponents;
import com.bpocontractflow.term.ServiceInputRules;
import com.bpocontractflow.validation.InputRules;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Server-side validation cannot be forgotten: every form field a person can edit has a rule. */
class SigningInputRulesTest {

  final BpmnModelInstance model = Bpmn.readModelFromFile(new File(ContractSigningProcess.RESOURCE));
  final ObjectMapper json = new ObjectMapper();

  @Test
  void shouldCheckEveryEditableFieldOfEveryFormOnTheServer() throws Exception {
    Set<String> checked = new HashSet<>();
    for (UserTask task : model.getModelElementsByType(UserTask.class)) {
      assertThat(SigningInputRules.hasRules(task.getId())).as("rules for %s", task.getId()).isTrue();
      assertEditableFieldsHaveRules(task.getId(), task.getCamundaFormRef());
      checked.add(task.getId());
    }
    for (StartEvent start : model.getModelElementsByType(StartEvent.class)) {
      if (start.getCamundaFormRef() != null) {
        assertEditableFieldsHaveRules(SigningInputRules.START_FORM, start.getCamundaFormRef());
        checked.add(start.getId());
      }
    }
    assertThat(checked).hasSizeGreaterThan(20);
  }

  @ParameterizedTest
  @ValueSource(strings = {"bpmn/contract-term.bpmn", "bpmn/sla-review.bpmn", "bpmn/dispute-resolution.bpmn"})
  void shouldCheckEveryEditableFieldAfterGoLiveOnTheServer(String resource) throws Exception {
    BpmnModelInstance afterGoLive = Bpmn.readModelFromFile(new File(resource));
    int forms = 0;
    for (UserTask task : afterGoLive.getModelElementsByType(UserTask.class)) {
      assertThat(ServiceInputRules.hasRules(task.getId())).as("rules for %s", task.getId()).isTrue();
      assertEditableFieldsHaveRules(ServiceInputRules.forStep(task.getId()).keys(), task.getCamundaFormRef());
      forms++;
    }
    for (StartEvent start : afterGoLive.getModelElementsByType(StartEvent.class)) {
      if (start.getCamundaFormRef() != null) {
        assertThat(ServiceInputRules.hasRules(start.getCamundaFormRef())).isTrue();
        assertEditableFieldsHaveRules(ServiceInputRules.forStep(start.getCamundaFormRef()).keys(),
            start.getCamundaFormRef());
        forms++;
      }
    }
    assertThat(forms).isGreaterThanOrEqualTo(2);
  }

  void assertEditableFieldsHaveRules(String step, String formId) throws Exception {
    assertEditableFieldsHaveRules(SigningInputRules.forStep(step).keys(), formId);
  }

  void assertEditableFieldsHaveRules(Set<String> ruled, String formId) throws Exception {
    JsonNode form = json.readTree(new File("forms/" + formId + ".form"));
    for (JsonNode component : FormComponents.fields(form)) {
      if (!component.path("disabled").asBoolean(false)) {
        assertThat(ruled).as("form %s field %s is checked on the server", formId, component.get("key").asText())
            .contains(component.get("key").asText());
      }
    }
  }

  // --- issue #17: the merchant's needs as data, the quote's further lines -----------------------------

  static Map<String, Object> validProposal() {
    Map<String, Object> proposal = new HashMap<>(SigningTestData.proposal("5000.00"));
    proposal.put(FIRST_RESPONSE_MINUTES, 5L);
    proposal.put(SATISFACTION_TARGET, "90");
    return proposal;
  }

  static List<String> proposalProblems(Object... keysAndValues) {
    Map<String, Object> proposal = validProposal();
    proposal.putAll(SigningTestData.vars(keysAndValues));
    return SigningInputRules.forStep(DRAFT_PROPOSAL).problems(proposal);
  }

  static List<String> requestProblems(Object... keysAndValues) {
    Map<String, Object> request = validRequest();
    request.putAll(SigningTestData.vars(keysAndValues));
    return SigningInputRules.forStep(SigningInputRules.START_FORM).problems(request);
  }

  @Test
  void shouldRequireAtLeastOneChannelInTheRequest() {
    assertThat(requestProblems("channelQianniu", false, "channelPhone", false))
        .containsExactly("「咨询渠道」请至少选择一项");
    assertThat(requestProblems("channelQianniu", false, "channelPhone", false, "channelWechat", true)).isEmpty();
    assertThat(requestProblems("channelJdDongdong", "yes")).containsExactly("「咨询渠道·京东咚咚」必须是“是”或“否”");
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "productCategories     | ' '     | 请填写「经营品类」",
      "dailyInquiries        | -1      | 「预计每日咨询量」必须是 0 到 10000000 之间的整数",
      "dailyOrders           | 1.5     | 「预计每日订单量」必须是 0 到 10000000 之间的整数",
      "requestedServiceHours | 24x7    | 「期望服务时间」必须是以下之一：DAYTIME、EXTENDED、ROUND_THE_CLOCK",
      "holidayCoverWanted    | 是      | 「法定节假日也需要客服值守」必须是“是”或“否”",
      "peakSeatsDouble11     | 2001    | 「大促加座·双十一（个）」必须是 0 到 2000 之间的整数",
      "peakSeats618          | -3      | 「大促加座·618（个）」必须是 0 到 2000 之间的整数"})
  void shouldRefuseARequestWithNeedsOutOfRange(String key, String value, String problem) {
    assertThat(requestProblems(key, value)).containsExactly(problem);
  }

  @Test
  void shouldAcceptARequestWithoutPeakSeatsOrHolidayWish() {
    Map<String, Object> request = validRequest();
    request.remove("peakSeatsDouble11");
    request.remove("peakSeats618");
    request.remove("peakSeatsNewYear");
    request.remove(HOLIDAY_COVER_WANTED);
    assertThat(SigningInputRules.forStep(SigningInputRules.START_FORM).problems(request)).isEmpty();
    assertThat(requestProblems(DAILY_INQUIRIES, null)).containsExactly("请填写「预计每日咨询量」");
  }

  @Test
  void shouldPriceHolidayCoverOnlyWhenTheProposalIncludesIt() {
    assertThat(proposalProblems()).isEmpty();
    assertThat(proposalProblems(HOLIDAY_COVER_FEE, null)).containsExactly("请填写「法定节假日值守费（元/月）」");
    assertThat(proposalProblems(HOLIDAY_COVER_FEE, "-1"))
        .containsExactly("「法定节假日值守费（元/月）」必须是 0 到 100000000 元之间的金额（最多两位小数）");
    assertThat(proposalProblems(HOLIDAY_COVERAGE, false, HOLIDAY_COVER_FEE, null)).isEmpty();
    // a contract requested before issue #17 has no holiday cover variable: none
    assertThat(proposalProblems(HOLIDAY_COVERAGE, null, HOLIDAY_COVER_FEE, null)).isEmpty();
    assertThat(proposalProblems(HOLIDAY_COVERAGE, "true")).containsExactly("「法定节假日值守」必须是“是”或“否”");
  }

  @Test
  void shouldPricePeakSeatsOnlyWhenTheProposalQuotesThem() {
    assertThat(proposalProblems(PEAK_SEAT_PRICE, null)).containsExactly("请填写「大促加座单价（元/座席/活动期）」");
    assertThat(proposalProblems("peakSeatsDouble11", 0L, "peakSeats618", 0L, PEAK_SEAT_PRICE, null)).isEmpty();
    assertThat(proposalProblems("peakSeatsNewYear", 2001L)).containsExactly("「大促加座·年货节（个）」必须是 0 到 2000 之间的整数");
    assertThat(proposalProblems("peakSeatsDouble11", null, "peakSeats618", null, PEAK_SEAT_PRICE, null)).isEmpty();
    assertThat(proposalProblems(SEATS, 0L)).containsExactly("「客服座席数」必须是 1 到 2000 之间的整数");
  }

  @Test
  void shouldAcceptOnlyNamedExtraFeesWithAmountsInTheProposal() {
    assertThat(proposalProblems(EXTRA_FEES, "加班费每小时 50 元；节假日补贴为当日服务费的 100%")).isEmpty();
    assertThat(proposalProblems(EXTRA_FEES, "无")).isEmpty();
    assertThat(proposalProblems(EXTRA_FEES, "其他费用另议")).singleElement().asString()
        .startsWith("「额外费用」须写“无”").contains("“其他费用另议”没有写明金额（元）或比例（%）");
  }

  // --- the validation holes of issue #10, item 8 -------------------------------------------------------

  static Map<String, Object> validRequest() {
    return new HashMap<>(SigningTestData.request());
  }

  /** A complete, valid contract draft: the standard template, the proposal and legal's choices. */
  static Map<String, Object> validDraft() {
    Map<String, Object> draft = new HashMap<>(ClauseRules.standardTemplate());
    draft.putAll(SigningTestData.proposal("5000.00"));
    draft.putAll(SigningTestData.contractDraft("PAPER", "5000.00"));
    return draft;
  }

  static List<String> draftProblems(String key, Object value) {
    Map<String, Object> draft = validDraft();
    draft.put(key, value);
    return SigningInputRules.forStep(DRAFT_CONTRACT).problems(draft);
  }

  @Test
  void shouldAcceptTheValidExamples() {
    assertThat(SigningInputRules.forStep(SigningInputRules.START_FORM).problems(validRequest())).isEmpty();
    assertThat(SigningInputRules.forStep(DRAFT_CONTRACT).problems(validDraft())).isEmpty();
    assertThat(new LatePaymentCap(null).problems(DRAFT_CONTRACT, validDraft())).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"\u200B", "\u200B\u200B\u200B\u200B", "\u200C\u200D", "\u2060\u2060", "\uFEFF\uFEFF",
      "\u00AD\u00AD", " \u200B\t\u3000\u00A0\u202F\n "})
  void shouldCountTextOfOnlyWhitespaceAndFormatCharactersAsBlank(String invisible) {
    Map<String, Object> request = validRequest();
    request.put(MERCHANT_NAME, invisible);
    request.put(CONTACT_PERSON, invisible);

    assertThat(InputRules.isBlank(invisible)).isTrue();
    assertThat(SigningInputRules.forStep(SigningInputRules.START_FORM).problems(request))
        .containsExactly("请填写「商家名称」", "请填写「联系人」");
  }

  @Test
  void shouldCountOnlyVisibleCharactersTowardsTheShortestLength() {
    Map<String, Object> request = validRequest();
    request.put(MERCHANT_NAME, "\u200B杭\u200B\u200B");

    assertThat(SigningInputRules.forStep(SigningInputRules.START_FORM).problems(request))
        .containsExactly("「商家名称」至少需要 2 个字");
  }

  @ParameterizedTest
  @ValueSource(strings = {"杭州\u0000小象", "\u0007杭州小象", "杭州小象\u001B[31m", "杭州\u007F小象", "杭州\u0085小象"})
  void shouldRefuseControlCharactersInText(String name) {
    Map<String, Object> request = validRequest();
    request.put(MERCHANT_NAME, name);

    assertThat(SigningInputRules.forStep(SigningInputRules.START_FORM).problems(request))
        .containsExactly("「商家名称」不能包含控制字符（换行和制表符除外）");
  }

  @Test
  void shouldAcceptLineBreaksAndTabsInText() {
    Map<String, Object> request = validRequest();
    request.put(SERVICE_NEEDS, "双十一期间：\n\t7×24 小时售前咨询\r\n\t售后跟进");

    assertThat(SigningInputRules.forStep(SigningInputRules.START_FORM).problems(request)).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      其他费用另议 | “其他费用另议”没有写明金额（元）或比例（%）
      加班费另计 | “加班费另计”没有写明金额（元）或比例（%）
      加班费、节假日补贴按每小时 50 元 | “加班费”没有写明金额（元）或比例（%）
      加班费每小时 50 元；培训费按实际发生 | “培训费按实际发生”没有写明金额（元）或比例（%）
      50 元 | “50 元”没有写明费用名称
      ；；、 | 须写“无”，或逐项写明费用名称及金额（元）或比例（%）
      """)
  void shouldRefuseExtraFeesThatLeaveAFeeOpenNamingTheItem(String fees, String problem) {
    assertThat(draftProblems(EXTRA_FEES, fees)).singleElement().asString()
        .startsWith("「费用与支付方式·额外费用」须写“无”").contains(problem);
  }

  @ParameterizedTest
  @ValueSource(strings = {"无", " 无 ", "无。", "加班费每小时 50 元", "加班费每小时 50 元；节假日补贴为当日服务费的 100%",
      "系统使用费每座席每月 200元,培训费 2,000 元、资料费伍佰元", "节假日补贴：服务费的 10％\n夜间补贴：每小时 1.5 万元"})
  void shouldAcceptNoExtraFeesOrNamedFeesWithAmountsOrRates(String fees) {
    assertThat(draftProblems(EXTRA_FEES, fees)).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      每日按应付未付金额的 99% 支付违约金 | 每日违约金比例 99% 超过上限：每日不得超过 0.1%
      每日 100% | 每日违约金比例 100% 超过上限
      每逾期一日，按应付未付金额的 0.11% 支付违约金 | 每日违约金比例 0.11% 超过上限
      每逾期一日按 0.05%，逾期超过 30 日的每日按 1% | 每日违约金比例 1% 超过上限
      """)
  void shouldRefuseADailyLatePaymentRateAboveTheCap(String rule, String problem) {
    Map<String, Object> draft = validDraft();
    draft.put(LATE_PAYMENT_RULE, rule);

    assertThat(SigningInputRules.forStep(DRAFT_CONTRACT).problems(draft)).isEmpty();
    assertThat(new LatePaymentCap(null).problems(DRAFT_CONTRACT, draft)).singleElement().asString()
        .startsWith("「费用与支付方式·逾期付款规则」").contains(problem);
  }

  @ParameterizedTest
  @ValueSource(strings = {"99% a day", "逾期按 99% 支付违约金", "每日1,000%"})
  void shouldRefuseALatePaymentRuleWithoutADailyRate(String rule) {
    assertThat(draftProblems(LATE_PAYMENT_RULE, rule))
        .containsExactly("「费用与支付方式·逾期付款规则」须写明每日违约金比例，例如“每逾期一日，按应付未付金额的 0.05% 支付违约金”");
  }

  @Test
  void shouldTakeTheLatePaymentCapFromItsProperty() {
    Map<String, Object> draft = validDraft();
    draft.put(LATE_PAYMENT_RULE, "每逾期一日，按应付未付金额的 0.1% 支付违约金");
    assertThat(new LatePaymentCap(null).dailyPercent()).isEqualByComparingTo("0.1");
    assertThat(new LatePaymentCap(" ").problems(DRAFT_CONTRACT, draft)).isEmpty();

    draft.put(LATE_PAYMENT_RULE, "每逾期一日，按应付未付金额的 0.15% 支付违约金");
    assertThat(new LatePaymentCap(null).problems(DRAFT_CONTRACT, draft)).hasSize(1);
    assertThat(new LatePaymentCap("0.2").problems(DRAFT_CONTRACT, draft)).isEmpty();
    assertThat(new LatePaymentCap("0.05").problems(DRAFT_CONTRACT, validDraft())).isEmpty();
    // the cap concerns the steps that set the clause, not the others
    assertThat(new LatePaymentCap("0.01").problems(DRAFT_PROPOSAL, draft)).isEmpty();
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> new LatePaymentCap("0"))
        .isInstanceOf(IllegalArgumentException.class);
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> new LatePaymentCap("千分之一"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  // --- the deposit's kind and the 定金 cap (issue #11) -----------------------------------------------------

  static final String DEPOSIT_LABEL = "「费用与支付方式·定金或履约保证金金额（元）」";

  /** A draft of this billing, 5 seats (the process's variable), with a deposit of this kind and amount. */
  static Map<String, Object> depositDraft(String billing, String unitPrice, long months, Long volume, String kind,
      String deposit) {
    Map<String, Object> draft = validDraft();
    draft.put(SEATS, 5L);
    draft.put(BILLING_MODEL, billing);
    draft.put(UNIT_PRICE, unitPrice);
    draft.put(TERM_MONTHS, months);
    draft.put(ESTIMATED_MONTHLY_VOLUME, volume);
    draft.put(DEPOSIT_KIND, kind);
    draft.put(DEPOSIT_AMOUNT, deposit);
    return draft;
  }

  @ParameterizedTest(name = "{0}: 定金 {5} accepted, one fen more refused")
  @CsvSource(delimiter = '|', nullValues = "-", textBlock = """
      PER_SEAT      | 6000.00   | 12 | -    | 360,000.00 | 72000.00 | 72,000.01 | 72,000.00 | 5 个座席 × 6,000.00 元/座席/月 × 12 个月
      FIXED_MONTHLY | 20000.00  | 6  | -    | 120,000.00 | 24000.00 | 24,000.01 | 24,000.00 | 月费 20,000.00 元 × 6 个月
      FIXED_YEARLY  | 100000.00 | 18 | -    | 150,000.00 | 30000.00 | 30,000.01 | 30,000.00 | 年费 100,000.00 元 ÷ 12 × 18 个月
      PER_INQUIRY   | 1.50      | 12 | 2000 | 36,000.00  | 7200.00  | 7,200.01  | 7,200.00  | 预计每月 2000 次咨询 × 1.50 元/次咨询 × 12 个月
      PER_ORDER     | 0.80      | 12 | 3000 | 28,800.00  | 5760.00  | 5,760.01  | 5,760.00  | 预计每月 3000 单 × 0.80 元/单 × 12 个月
      """)
  void shouldAcceptADingjinOfTwentyPercentOfTheContractsValueAndRefuseOneFenMore(String billing, String unitPrice,
      long months, Long volume, String value, String atCap, String overShown, String capShown, String basis) {
    // the value: monthly fee × term (seat, fixed), estimated volume × unit price × term (volume); cap 20 %
    assertThat(SigningInputRules.forStep(DRAFT_CONTRACT)
        .problems(depositDraft(billing, unitPrice, months, volume, "DINGJIN", atCap))).isEmpty();

    String over = new java.math.BigDecimal(atCap).add(new java.math.BigDecimal("0.01")).toPlainString();
    assertThat(SigningInputRules.forStep(DRAFT_CONTRACT)
        .problems(depositDraft(billing, unitPrice, months, volume, "DINGJIN", over))).containsExactly(
        DEPOSIT_LABEL + "定金 " + overShown + " 元超过上限：定金不得超过合同标的额的 20%，超过部分不产生定金效力（《民法典》第五百八十六条）。"
            + "本合同标的额为 " + value + " 元（" + basis + "），定金最多 " + capShown + " 元；需要更高金额的，请选择履约保证金");
    // a 履约保证金 is security: no cap
    assertThat(SigningInputRules.forStep(DRAFT_CONTRACT)
        .problems(depositDraft(billing, unitPrice, months, volume, "PERFORMANCE_BOND", over))).isEmpty();
    // revise-clauses has the same rule
    Map<String, Object> revision = depositDraft(billing, unitPrice, months, volume, "DINGJIN", over);
    revision.put(REVISION_SUMMARY, "定金金额调整");
    assertThat(SigningInputRules.forStep(ContractSigningProcess.Tasks.REVISE_CLAUSES).problems(revision))
        .singleElement().asString().startsWith(DEPOSIT_LABEL + "定金 " + overShown + " 元超过上限");
  }

  @Test
  void shouldRequireTheEstimatedVolumeForVolumeBillingOnly() {
    assertThat(SigningInputRules.forStep(DRAFT_CONTRACT)
        .problems(depositDraft("PER_ORDER", "0.80", 12, null, "PERFORMANCE_BOND", "5000.00")))
        .containsExactly("请填写「费用与支付方式·预计每月咨询量或订单量」");
    // a 定金 without the estimate: only the missing estimate is reported, not a cap it cannot compute
    assertThat(SigningInputRules.forStep(DRAFT_CONTRACT)
        .problems(depositDraft("PER_INQUIRY", "1.50", 12, null, "DINGJIN", "5000.00")))
        .containsExactly("请填写「费用与支付方式·预计每月咨询量或订单量」");
    assertThat(SigningInputRules.forStep(DRAFT_CONTRACT)
        .problems(depositDraft("PER_INQUIRY", "1.50", 12, 0L, "DINGJIN", "5000.00")))
        .containsExactly("「费用与支付方式·预计每月咨询量或订单量」必须是 1 到 100000000 之间的整数");
    assertThat(SigningInputRules.forStep(DRAFT_CONTRACT)
        .problems(depositDraft("PER_SEAT", "6000.00", 12, null, "DINGJIN", "5000.00"))).isEmpty();
  }

  @Test
  void shouldRequireTheDepositsKind() {
    assertThat(SigningInputRules.forStep(DRAFT_CONTRACT)
        .problems(depositDraft("PER_SEAT", "6000.00", 12, null, "SECURITY", "5000.00")))
        .containsExactly("「费用与支付方式·定金或履约保证金」必须是以下之一：DINGJIN、PERFORMANCE_BOND");
    assertThat(SigningInputRules.forStep(DRAFT_CONTRACT)
        .problems(depositDraft("PER_SEAT", "6000.00", 12, null, null, "5000.00")))
        .containsExactly("请填写「费用与支付方式·定金或履约保证金」");
    assertThat(ClauseRules.standardTemplate()).containsEntry(DEPOSIT_KIND, "PERFORMANCE_BOND");
  }

  @ParameterizedTest(name = "trial {0} days, exit notice {1} days")
  @CsvSource({"14, 0", "14, 3", "14, 14", "3, 3", "1, 1", "0, 0", "0, 3", "0, 14"})
  void shouldAcceptATrialExitNoticeNoLongerThanTheTrial(long trialDays, long noticeDays) {
    Map<String, Object> draft = validDraft();
    draft.put(TRIAL_DAYS, trialDays);
    draft.put(TRIAL_EXIT_NOTICE_DAYS, noticeDays);

    assertThat(SigningInputRules.forStep(DRAFT_CONTRACT).problems(draft)).isEmpty();
    assertThat(SigningInputRules.forStep(REVISE_CLAUSES).problems(withRevision(draft))).isEmpty();
  }

  @ParameterizedTest(name = "trial {0} days, exit notice {1} days")
  @CsvSource(delimiter = '|', textBlock = """
      2  | 3 | 不能超过「合同期限与续签/解约·试用期（天）」（2 天）：试用期退出通知须在试用期内发出
      13 | 14 | 不能超过「合同期限与续签/解约·试用期（天）」（13 天）
      1  | 2 | 不能超过「合同期限与续签/解约·试用期（天）」（1 天）
      """)
  void shouldRefuseATrialExitNoticeLongerThanTheTrialNamingBothFields(long trialDays, long noticeDays, String problem) {
    Map<String, Object> draft = validDraft();
    draft.put(TRIAL_DAYS, trialDays);
    draft.put(TRIAL_EXIT_NOTICE_DAYS, noticeDays);

    assertThat(SigningInputRules.forStep(DRAFT_CONTRACT).problems(draft)).singleElement().asString()
        .startsWith("「合同期限与续签/解约·试用期退出通知（天）」").contains(problem);
    assertThat(SigningInputRules.forStep(REVISE_CLAUSES).problems(withRevision(draft))).singleElement().asString()
        .contains(problem);
  }

  @Test
  void shouldRequireTheProvidersOwnEarlyTerminationPenaltyAsAnAmount() {
    assertThat(ClauseRules.standardTemplate()).containsEntry(PROVIDER_EARLY_TERMINATION_PENALTY, "0");
    assertThat(draftProblems(PROVIDER_EARLY_TERMINATION_PENALTY, "15000.00")).isEmpty();
    assertThat(draftProblems(PROVIDER_EARLY_TERMINATION_PENALTY, null))
        .containsExactly("请填写「违约责任与赔偿·乙方无故解约违约金（元）」");
    assertThat(draftProblems(PROVIDER_EARLY_TERMINATION_PENALTY, "-1")).singleElement().asString()
        .startsWith("「违约责任与赔偿·乙方无故解约违约金（元）」必须是 0 到 100000000");
  }

  static Map<String, Object> withRevision(Map<String, Object> draft) {
    Map<String, Object> revision = new HashMap<>(draft);
    revision.putAll(SigningTestData.revision());
    return revision;
  }

  @ParameterizedTest(name = "{0} at {1}")
  @CsvSource(delimiter = '|', textBlock = """
      LITIGATION  | 人民法院 | 须写明具体的人民法院名称，例如“杭州市西湖区人民法院”，不能只写“人民法院”
      LITIGATION  | \u200B人民法院\u200B | 须写明具体的人民法院名称
      LITIGATION  | 区 人民法院 | 须写明具体的人民法院名称
      ARBITRATION | 仲裁委员会 | 须写明具体的仲裁委员会名称，例如“上海仲裁委员会”，不能只写“仲裁委员会”
      LITIGATION  | 原告住所地人民法院 | 不能写“住所地”这类不确定的说法
      ARBITRATION | 甲方所在地仲裁委员会 | 不能写“所在地”这类不确定的说法
      LITIGATION  | 人民法院人民法院 | 须写明具体的人民法院名称
      """)
  void shouldRequireANamedCourtOrCommission(String forum, String venue, String problem) {
    Map<String, Object> draft = validDraft();
    draft.put(DISPUTE_FORUM, forum);
    draft.put(FORUM_VENUE, venue);

    assertThat(SigningInputRules.forStep(DRAFT_CONTRACT).problems(draft)).singleElement().asString()
        .startsWith("「纠纷解决方式·仲裁委员会或人民法院名称」").contains(problem);
  }

  @ParameterizedTest(name = "{0} at {1}")
  @CsvSource(delimiter = '|', textBlock = """
      LITIGATION  | 杭州市西湖区人民法院
      LITIGATION  | 上海市第一中级人民法院
      ARBITRATION | 上海仲裁委员会
      ARBITRATION | 中国国际经济贸易仲裁委员会
      """)
  void shouldAcceptANamedCourtOrCommission(String forum, String venue) {
    Map<String, Object> draft = validDraft();
    draft.put(DISPUTE_FORUM, forum);
    draft.put(FORUM_VENUE, venue);

    assertThat(SigningInputRules.forStep(DRAFT_CONTRACT).problems(draft)).isEmpty();
  }

  @ParameterizedTest(name = "{0} at {1}")
  @CsvSource(delimiter = '|', textBlock = """
      ARBITRATION | 杭州仲裁委员会或上海仲裁委员会 | 只能写一个仲裁委员会：约定两个以上仲裁机构而不能就选择达成一致的，仲裁协议无效
      LITIGATION  | 杭州市西湖区人民法院或北京市朝阳区人民法院 | 只能写一个人民法院
      """)
  void shouldRequireOneCourtOrCommissionOnly(String forum, String venue, String problem) {
    Map<String, Object> draft = validDraft();
    draft.put(DISPUTE_FORUM, forum);
    draft.put(FORUM_VENUE, venue);

    assertThat(SigningInputRules.forStep(DRAFT_CONTRACT).problems(draft)).singleElement().asString()
        .isEqualTo("「纠纷解决方式·仲裁委员会或人民法院名称」" + problem);
  }

  // --- a court at a place connected to the contract (Civil Procedure Law art. 35) -----------------------------

  /** The provider of the tests, domiciled in Hangzhou's 西湖区; the merchant (SigningTestData) in 余杭区. */
  static final CourtVenues COURTS = new CourtVenues(new com.bpocontractflow.document.ProviderParty("91330106MA27XU3X6N",
      "浙江省杭州市西湖区文三路 90 号 8 楼", "陈星海", "浙江省杭州市西湖区文三路 90 号 8 楼 法务部", "legal@bpo.example.com"));

  static Map<String, Object> litigation(String court, Object... overrides) {
    Map<String, Object> draft = validDraft();
    draft.put(DISPUTE_FORUM, "LITIGATION");
    draft.put(FORUM_VENUE, court);
    for (int i = 0; i < overrides.length; i += 2) {
      draft.put((String) overrides[i], overrides[i + 1]);
    }
    return draft;
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"杭州市余杭区人民法院", "杭州市西湖区人民法院", "杭州西湖区人民法院", "余杭区人民法院",
      "浙江省杭州市中级人民法院", "杭州市中级人民法院"})
  void shouldAcceptACourtAtTheMerchantsOrTheProvidersDomicileOrThePlaceOfSigning(String court) {
    assertThat(SigningInputRules.forStep(DRAFT_CONTRACT).problems(litigation(court))).isEmpty();
    assertThat(COURTS.problems(DRAFT_CONTRACT, litigation(court))).isEmpty();
    assertThat(COURTS.problems(REVISE_CLAUSES, withRevision(litigation(court)))).isEmpty();
  }

  @ParameterizedTest(name = "{0}")
  @ValueSource(strings = {"北京市朝阳区人民法院", "上海市第一中级人民法院", "南昌市西湖区人民法院", "最高人民法院"})
  void shouldRefuseACourtAtNoPlaceConnectedToTheContractNamingTheFieldAndThePlaces(String court) {
    assertThat(COURTS.problems(DRAFT_CONTRACT, litigation(court))).singleElement().asString()
        .startsWith("「纠纷解决方式·仲裁委员会或人民法院名称」“" + court + "”不在与本合同有实际联系的地点")
        .contains("《民事诉讼法》第三十五条",
            "甲方住所地 浙江省杭州市余杭区，例如“杭州市余杭区人民法院”",
            "乙方住所地 浙江省杭州市西湖区，例如“杭州市西湖区人民法院”",
            "合同签订地 浙江省杭州市西湖区，例如“杭州市西湖区人民法院”");
    // the same court at a connected place is accepted: a merchant domiciled there
    assertThat(COURTS.problems(DRAFT_CONTRACT, litigation("北京市朝阳区人民法院",
        MERCHANT_ADDRESS, "北京市朝阳区建国路 88 号"))).isEmpty();
  }

  @Test
  void shouldLeaveArbitrationAndOtherStepsToTheirOwnRules() {
    Map<String, Object> arbitration = litigation("北京仲裁委员会");
    arbitration.put(DISPUTE_FORUM, "ARBITRATION");
    assertThat(COURTS.problems(DRAFT_CONTRACT, arbitration)).isEmpty();
    assertThat(COURTS.problems(DRAFT_PROPOSAL, litigation("北京市朝阳区人民法院"))).isEmpty();
    // an unnamed court is refused by its own rule, once
    assertThat(COURTS.problems(DRAFT_CONTRACT, litigation("人民法院"))).isEmpty();
  }

  @Test
  void shouldSuggestTheBasicCourtOfEachConnectedPlace() {
    assertThat(CourtVenues.units("浙江省杭州市西湖区文三路 90 号 8 楼")).containsExactly("浙江省", "杭州市", "西湖区");
    assertThat(CourtVenues.units("浙江省杭州市西湖区西溪街道文新社区")).containsExactly("浙江省", "杭州市", "西湖区");
    assertThat(CourtVenues.basicCourt(CourtVenues.units("上海市浦东新区世纪大道 100 号"))).isEqualTo("上海市浦东新区人民法院");
    assertThat(CourtVenues.basicCourt(CourtVenues.units("浙江省金华市义乌市稠城街道"))).isEqualTo("浙江省义乌市人民法院");
    assertThat(CourtVenues.basicCourt(CourtVenues.units("浙江省杭州市"))).isNull();
    assertThat(COURTS.problems(DRAFT_CONTRACT, litigation("浙江省义乌市人民法院",
        MERCHANT_ADDRESS, "浙江省金华市义乌市稠城街道 1 号"))).isEmpty();

    Map<String, Object> firstDraft = new HashMap<>(Map.of(SIGNING_PLACE, "浙江省杭州市"));
    assertThat(COURTS.choices(firstDraft)).contains("《民事诉讼法》第三十五条",
        "甲方住所地（填写「甲方主体·住所（营业执照登记地址）」后核对）",
        "乙方住所地 浙江省杭州市西湖区，例如“杭州市西湖区人民法院”",
        "合同签订地 浙江省杭州市，地址未写明区县，请写明具体法院", "级别管辖");
  }

  @Test
  void shouldWarnButNotRefuseWhenTheCourtIsNotABasicCourt() {
    assertThat(CourtVenues.levelWarning("LITIGATION", "浙江省杭州市中级人民法院"))
        .startsWith("约定的“浙江省杭州市中级人民法院”是中级人民法院。级别管辖由法律规定，不能通过协议变更")
        .contains("法发〔2021〕27号", "请法务确认");
    assertThat(CourtVenues.levelWarning("LITIGATION", "上海市第一中级人民法院")).contains("是中级人民法院");
    assertThat(CourtVenues.levelWarning("LITIGATION", "浙江省高级人民法院")).contains("是高级人民法院");
    assertThat(CourtVenues.levelWarning("LITIGATION", "杭州市西湖区人民法院")).isNull();
    assertThat(CourtVenues.levelWarning("ARBITRATION", "杭州仲裁委员会")).isNull();
    // a warning only: the intermediate court of a connected place passes every rule
    assertThat(SigningInputRules.forStep(DRAFT_CONTRACT).problems(litigation("浙江省杭州市中级人民法院"))).isEmpty();
    assertThat(COURTS.problems(DRAFT_CONTRACT, litigation("浙江省杭州市中级人民法院"))).isEmpty();
  }

  /** Our seal 10 days ago, the copy received 2 days ago, relative to today in China by the engine's clock. */
  static Map<String, Object> receivedCopy(int merchantSealedDaysAgo) {
    LocalDate today = Clocks.today();
    Map<String, Object> values = new HashMap<>(SigningTestData.countersignedCopyReceived());
    values.put(SEALED_DATE, today.minusDays(10).toString());
    values.put(COUNTERSIGNED_RECEIVED_DATE, today.minusDays(2).toString());
    values.put(MERCHANT_SEALED_DATE, today.minusDays(merchantSealedDaysAgo).toString());
    return values;
  }

  @ParameterizedTest(name = "merchant sealed {0} days ago")
  @ValueSource(ints = {10, 6, 2})
  void shouldAcceptAMerchantSealDateFromOurSealToTheCopysArrival(int daysAgo) {
    assertThat(SigningInputRules.forStep(RECEIVE_COUNTERSIGNED_CONTRACT).problems(receivedCopy(daysAgo))).isEmpty();
  }

  @ParameterizedTest(name = "merchant sealed {0} days ago: {1}")
  @CsvSource(delimiter = '|', textBlock = """
      11 | 「商家盖章日期」不能早于我方盖章日期
      1  | 「商家盖章日期」不能晚于收到回寄合同的日期
      -1 | 「商家盖章日期」不能晚于今天
      """)
  void shouldRefuseAMerchantSealDateBeforeOurSealAfterTheArrivalOrInTheFuture(int daysAgo, String problem) {
    assertThat(SigningInputRules.forStep(RECEIVE_COUNTERSIGNED_CONTRACT).problems(receivedCopy(daysAgo)))
        .containsExactly(problem);
  }

  @Test
  void shouldRequireTheMerchantSealDate() {
    Map<String, Object> values = receivedCopy(6);
    values.remove(MERCHANT_SEALED_DATE);
    assertThat(SigningInputRules.forStep(RECEIVE_COUNTERSIGNED_CONTRACT).problems(values))
        .containsExactly("请填写「商家盖章日期」");
    values.put(MERCHANT_SEALED_DATE, "2026-13-01");
    assertThat(SigningInputRules.forStep(RECEIVE_COUNTERSIGNED_CONTRACT).problems(values))
        .containsExactly("「商家盖章日期」必须是有效日期（格式：2026-01-31）");
  }

  @ParameterizedTest
  @ValueSource(strings = {"<img src=x onerror=alert(1)>", "PAY 001", "付款001", "PAY-001;DROP", "P\u200BAY-001", "AB"})
  void shouldRefuseAPaymentReferenceThatIsNotAnIdentifier(String reference) {
    Map<String, Object> payment = SigningTestData.payment("5000.00", reference);

    assertThat(DepositPaymentDelegate.PAYMENT.problems(payment)).singleElement().asString()
        .startsWith("「付款流水号」");
    assertThat(SigningInputRules.forStep(CONFIRM_DEPOSIT).problems(payment)).singleElement().asString()
        .startsWith("「付款流水号」");
  }

  @ParameterizedTest
  @ValueSource(strings = {"PAY-20261126-001", "ALIPAY_2026/11.26-0042", " 4200001234202611260042 "})
  void shouldAcceptAPaymentReferenceOfLettersDigitsAndSeparators(String reference) {
    Map<String, Object> payment = SigningTestData.payment("5000.00", reference);

    assertThat(DepositPaymentDelegate.PAYMENT.problems(payment)).isEmpty();
    assertThat(SigningInputRules.forStep(CONFIRM_DEPOSIT).problems(payment)).isEmpty();
  }

  @Test
  void shouldMeasureTheLongestLengthOnTheValueAsSubmitted() {
    Map<String, Object> proposal = new HashMap<>(SigningTestData.proposal("5000.00"));
    proposal.put(FIRST_RESPONSE_MINUTES, 5);
    proposal.put(SATISFACTION_TARGET, "90");
    proposal.put(SERVICE_SCOPE, "售前咨询、订单核对、售后跟进、退款协商" + " ".repeat(4990));
    assertThat(SigningInputRules.forStep(DRAFT_PROPOSAL).problems(proposal))
        .containsExactly("「服务范围」不能超过 2000 个字");

    // an optional field, blank but longer than its column, is refused too (it would be stored as it is)
    Map<String, Object> request = validRequest();
    request.put(SERVICE_NEEDS, " ".repeat(2001));
    assertThat(SigningInputRules.forStep(SigningInputRules.START_FORM).problems(request))
        .containsExactly("「需求说明」不能超过 2000 个字");
  }

  @Test
  void shouldGiveATextRuleWithoutALengthADefaultMaximum() {
    InputRules rules = InputRules.of(InputRules.text("note", "备注"));

    assertThat(rules.rules().get(0).maxLength()).isEqualTo(InputRules.DEFAULT_TEXT_MAX).isEqualTo(200);
    assertThat(rules.problems(Map.of("note", "字".repeat(200)))).isEmpty();
    assertThat(rules.problems(Map.of("note", "字".repeat(201)))).containsExactly("「备注」不能超过 200 个字");
  }
}
