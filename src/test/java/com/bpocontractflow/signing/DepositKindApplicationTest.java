package com.bpocontractflow.signing;

import static com.bpocontractflow.signing.ContractSigningProcess.Tasks.*;
import static com.bpocontractflow.signing.SigningTestData.*;
import static org.assertj.core.api.Assertions.assertThat;

import com.bpocontractflow.contract.ClauseSets;
import com.bpocontractflow.contract.ContractRepository;
import com.bpocontractflow.document.ContractDocuments;
import com.bpocontractflow.signing.ContractSigningProcess.Vars;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;

/**
 * The deposit's kind (issue #11) through the public interface with the real application: legal chooses
 * 定金 or 履约保证金 in draft-contract and revise-clauses (fields of their Camunda Forms, so a person may set
 * them), the 定金 cap is enforced, the choice is recorded with the clause set and the stored document says
 * it.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "spring.datasource.url=jdbc:h2:mem:deposit-kind-test;DB_CLOSE_DELAY=-1",
    "bpo.mail.sender-enabled=false",
    "camunda.bpm.job-execution.enabled=false"})
class DepositKindApplicationTest {

  @Autowired
  TestRestTemplate anonymous;
  @Autowired
  ContractRepository contracts;
  @Autowired
  ClauseSets clauseSets;
  @Autowired
  ContractDocuments documents;
  SigningRest rest;

  @BeforeEach
  void client() {
    rest = new SigningRest(anonymous);
  }

  @Test
  @SuppressWarnings("unchecked")
  void shouldCarryTheDepositKindFromTheDraftIntoTheClauseSetAndTheDocument() {
    SigningRest.Started contract = rest.start(request());
    rest.complete(contract, DRAFT_PROPOSAL, proposal("5000.00"));
    rest.complete(contract, CONFIRM_PROPOSAL, proposalAnswer("ACCEPTED"));
    // per order: an estimated 3,000 orders × 0.80 × 12 months = 28,800.00; a 定金 may be 20 % = 5,760.00
    Map<String, Object> draft = new HashMap<>(contractDraft("PAPER", "5760.01", "DINGJIN"));
    draft.put(Vars.BILLING_MODEL, "PER_ORDER");
    draft.put(Vars.UNIT_PRICE, "0.80");
    draft.put(Vars.ESTIMATED_MONTHLY_VOLUME, 3000);
    draft.put(Vars.TERM_MONTHS, 12);
    Map<String, Object> refused = rest.as("legal").post("/task/" + rest.taskId(contract, DRAFT_CONTRACT) + "/complete",
        Map.of("variables", SigningRest.typed(draft)), HttpStatus.BAD_REQUEST);
    assertThat((String) refused.get("message")).contains("「费用与支付方式·定金或履约保证金金额（元）」定金 5,760.01 元超过上限",
        "本合同标的额为 28,800.00 元（预计每月 3000 单 × 0.80 元/单 × 12 个月），定金最多 5,760.00 元");
    assertThat(rest.taskKeys(contract)).containsExactly(DRAFT_CONTRACT);

    draft.put(Vars.DEPOSIT_AMOUNT, "5760.00");
    rest.complete(contract, DRAFT_CONTRACT, draft);
    long id = contracts.findByNumber(contract.number()).orElseThrow().id();
    assertThat(clauseSets.latest(id).orElseThrow()).containsEntry("depositKind", "DINGJIN")
        .containsEntry("estimatedMonthlyVolume", 3000).containsEntry("depositAmount", "5760.00");
    String first = documents.html(id, 1).orElseThrow().replaceAll("<[^>]+>", "").replaceAll("[\\s\\u3000]+", "");
    assertThat(first).contains("定金：甲方于本合同签署后向乙方支付定金人民币5,760.00元，不超过本合同标的额人民币28,800.00元"
        + "（按预计每月3000单估算，仅用于计算定金上限，不构成甲方对业务量的承诺）的百分之二十。",
        "定金抵作价款，在最终结算中抵扣甲方应付的款项", "应当双倍返还定金（《民法典》第五百八十七条）", "（《民法典》第五百八十八条）")
        .doesNotContain("履约保证金");

    // the revision starts from the recorded kind and estimate; legal turns the deposit into a 履约保证金,
    // which has no cap
    rest.complete(contract, REVIEW_CLAUSES, clauseReview(false));
    String revise = rest.taskId(contract, REVISE_CLAUSES);
    Map<String, Object> prefilled = rest.as("legal").get("/task/" + revise + "/variables");
    assertThat((Map<String, Object>) prefilled.get("depositKind")).containsEntry("value", "DINGJIN");
    assertThat((Map<String, Object>) prefilled.get("estimatedMonthlyVolume")).containsEntry("value", 3000);
    Map<String, Object> revision = new HashMap<>(revision());
    revision.put(Vars.DEPOSIT_KIND, "PERFORMANCE_BOND");
    revision.put(Vars.DEPOSIT_AMOUNT, "20000.00");
    rest.complete(contract, REVISE_CLAUSES, revision);

    assertThat(clauseSets.latest(id).orElseThrow()).containsEntry("depositKind", "PERFORMANCE_BOND")
        .containsEntry("depositAmount", "20000.00");
    assertThat((String) rest.variable(contract, Vars.ROUND_CHANGES)).contains(
        "【费用与支付方式】定金或履约保证金：定金 → 履约保证金",
        "【费用与支付方式】定金或履约保证金金额（元）：5760.00 → 20000.00");
    String second = documents.html(id, 2).orElseThrow().replaceAll("<[^>]+>", "").replaceAll("[\\s\\u3000]+", "");
    assertThat(second).contains("履约保证金：甲方于本合同签署后向乙方支付履约保证金人民币20,000.00元，作为甲方履行本合同的担保。",
        "履约保证金不是定金，不适用定金罚则").doesNotContain("双倍返还定金", "合同标的额");
  }
}
