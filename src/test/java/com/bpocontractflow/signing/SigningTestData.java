package com.bpocontractflow.signing;

import static com.bpocontractflow.signing.ContractSigningProcess.Vars.*;

import com.bpocontractflow.common.Clocks;
import java.util.HashMap;
import java.util.Map;

/**
 * Valid inputs for every step of contract-signing, as a form or an integration would send them. Dates are
 * days in China by the engine's clock ({@link Clocks#today()}), as the rules check them: never the JVM's
 * time zone, which may already be tomorrow (or still yesterday) there.
 */
public final class SigningTestData {

  private SigningTestData() {
  }

  public static Map<String, Object> request() {
    return vars(
        MERCHANT_NAME, "杭州小象旗舰店",
        MERCHANT_EMAIL, "ops@xiaoxiang.example.com",
        CONTACT_PERSON, "王小明",
        SHOP_PLATFORM, "TMALL",
        SEATS, 5L,
        SERVICE_NEEDS, "双十一期间需要 7×24 小时售前咨询",
        // the needs as data (issue #17)
        "channelQianniu", true, "channelPhone", true, PRODUCT_CATEGORIES, "女装、配饰",
        DAILY_INQUIRIES, 2000L, DAILY_ORDERS, 300L, REQUESTED_SERVICE_HOURS, "EXTENDED", HOLIDAY_COVER_WANTED, true,
        "peakSeatsDouble11", 3L, "peakSeats618", 2L, "peakSeatsNewYear", 0L);
  }

  public static Map<String, Object> proposal(String deposit) {
    return vars(
        SERVICE_SCOPE, "售前咨询、订单核对、售后跟进、退款协商",
        SERVICE_HOURS, "EXTENDED",
        // billed per inquiry: the deposit cannot be compared with a monthly fee, so a proposal with a deposit
        // needs no approval; one without deposit does (DMN proposal-approval)
        BILLING_MODEL, "PER_INQUIRY",
        UNIT_PRICE, "6000.00",
        DEPOSIT_AMOUNT, deposit,
        TERM_MONTHS, 12L,
        // the quote's further lines: holiday cover, peak-period seats (as the request asked), no extra fees
        SEATS, 5L, HOLIDAY_COVERAGE, true, HOLIDAY_COVER_FEE, "1000.00",
        "peakSeatsDouble11", 3L, "peakSeats618", 2L, "peakSeatsNewYear", 0L, PEAK_SEAT_PRICE, "3000.00");
  }

  public static Map<String, Object> approval(boolean approved) {
    return vars(PROPOSAL_APPROVED, approved, APPROVAL_COMMENT, approved ? null : "免定金需附商家资信说明");
  }

  /** The managers' answer to a change legal made to what the proposal's approval was given for. */
  public static Map<String, Object> changesApproval(boolean approved) {
    return vars(CHANGES_APPROVED, approved, CHANGES_APPROVAL_COMMENT, approved ? null : "期限超过 24 个月须附商家资信说明");
  }

  public static Map<String, Object> proposalAnswer(String decision) {
    return vars(PROPOSAL_DECISION, decision, PROPOSAL_COMMENT, "REVISION_REQUESTED".equals(decision) ? "单价请下调 5%" : null);
  }

  /** The contract as legal completes it: the standard template's clauses plus the choices it lacks. */
  /** A valid unified social credit code (GB 32100-2015 check character) for the merchant of the tests. */
  public static final String MERCHANT_CREDIT_CODE_VALUE = "91330100716105852F";

  public static Map<String, Object> contractDraft(String signingMethod, String deposit) {
    Map<String, Object> draft = vars(SIGNING_METHOD, signingMethod, DEPOSIT_AMOUNT, deposit, DEPOSIT_HANDLING, "SET_OFF",
        DISPUTE_FORUM, "ARBITRATION", FORUM_VENUE, "杭州仲裁委员会",
        // the proposal bills per inquiry: the estimate gives the contract's value (2,000 × 6,000.00 × 12 months)
        ESTIMATED_MONTHLY_VOLUME, 2000L);
    draft.putAll(parties());
    return draft;
  }

  /** As {@link #contractDraft(String, String)}, with the deposit's kind chosen (DINGJIN, PERFORMANCE_BOND). */
  public static Map<String, Object> contractDraft(String signingMethod, String deposit, String depositKind) {
    Map<String, Object> draft = contractDraft(signingMethod, deposit);
    draft.put(DEPOSIT_KIND, depositKind);
    return draft;
  }

  /** The merchant as a party, as legal records it in draft-contract. */
  public static Map<String, Object> parties() {
    return vars(MERCHANT_LEGAL_NAME, "杭州小象电子商务有限公司", MERCHANT_CREDIT_CODE, MERCHANT_CREDIT_CODE_VALUE,
        MERCHANT_ADDRESS, "浙江省杭州市余杭区文一西路 969 号", MERCHANT_LEGAL_REPRESENTATIVE, "王小明",
        NOTICE_ADDRESS, "浙江省杭州市余杭区文一西路 969 号 3 号楼 502 室", NOTICE_EMAIL, "legal@xiaoxiang.example.com",
        SIGNING_PLACE, "浙江省杭州市西湖区");
  }

  public static Map<String, Object> clauseReview(boolean agreed) {
    return vars(CLAUSES_AGREED, agreed, CLAUSE_FEEDBACK, agreed ? null : "违约责任与赔偿：首次响应超时的减免比例请写明");
  }

  public static Map<String, Object> revision() {
    return vars(REVISION_SUMMARY, "违约责任条款：首次响应超时每次减免 0.5%");
  }

  public static Map<String, Object> seal() {
    return vars(SEALED_BY, "李法务", SEALED_DATE, Clocks.today().minusDays(2).toString());
  }

  public static Map<String, Object> courier() {
    return vars(COURIER_COMPANY, "顺丰速运", TRACKING_NUMBER, "SF1234567890");
  }

  /** Sealed by us two days ago, by the merchant yesterday, its copy received today. */
  public static Map<String, Object> countersignedCopyReceived() {
    return vars(MERCHANT_SEALED_DATE, Clocks.today().minusDays(1).toString(),
        COUNTERSIGNED_RECEIVED_DATE, Clocks.today().toString(), COUNTERSIGNED_COPY_CHECKED, true);
  }

  public static Map<String, Object> countersign() {
    return vars(COUNTERSIGNED_BY, "张经理", COUNTERSIGN_CONFIRMED, true);
  }

  public static Map<String, Object> payment(String amount, String reference) {
    return vars(DEPOSIT_RECEIVED_AMOUNT, amount, PAYMENT_REFERENCE, reference);
  }

  public static Map<String, Object> training() {
    return vars(TRAINED_AGENTS, 5L, TRAINING_NOTES, "产品知识、话术规范、天猫平台规则");
  }

  public static Map<String, Object> assessment(boolean passed) {
    return vars(ASSESSMENT_SCORE, passed ? 92L : 58L, TRAINING_PASSED, passed);
  }

  public static Map<String, Object> subaccounts() {
    return vars(SUBACCOUNT_COUNT, 5L, SUBACCOUNTS_AUTHORIZED, true);
  }

  public static Map<String, Object> software() {
    return vars(CS_SOFTWARE, "千牛工作台 + 智能客服机器人", CS_SOFTWARE_CONFIGURED, true);
  }

  public static Map<String, Object> goLive() {
    return vars(GO_LIVE_DATE, Clocks.today().plusDays(1).toString(), GO_LIVE_APPROVED, true);
  }

  public static Map<String, Object> escalationHandled() {
    return vars(ESCALATION_ACTION, "已电话联系商家，对方承诺三日内答复");
  }

  public static Map<String, Object> vars(Object... keysAndValues) {
    Map<String, Object> map = new HashMap<>();
    for (int i = 0; i < keysAndValues.length; i += 2) {
      map.put((String) keysAndValues[i], keysAndValues[i + 1]);
    }
    return map;
  }
}
