package com.bpocontractflow.signing;

import static com.bpocontractflow.signing.ContractSigningProcess.Tasks.*;
import static com.bpocontractflow.signing.SigningTestData.*;
import static org.assertj.core.api.Assertions.assertThat;

import com.bpocontractflow.contract.Contract;
import com.bpocontractflow.contract.ContractRepository;
import com.bpocontractflow.contract.ContractStatus;
import com.bpocontractflow.mail.MailOutbox;
import com.bpocontractflow.mail.OutboxMail;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Withdrawal before the contract is formed, reported through {@code POST /api/integrations/withdrawals}
 * ({@code SigningWithdrawn}): every task and reminder ends, the record says who and why, the merchant is
 * told; once both parties have signed, a withdrawal is refused and nothing changes.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "spring.datasource.url=jdbc:h2:mem:withdrawal-test;DB_CLOSE_DELAY=-1",
    "bpo.mail.sender-enabled=false",
    "camunda.bpm.job-execution.enabled=false"})
class SigningWithdrawalTest {

  @Autowired
  TestRestTemplate anonymous;
  @Autowired
  ContractRepository contracts;
  @Autowired
  MailOutbox outbox;
  @Autowired
  JdbcClient jdbc;
  @Autowired
  org.camunda.bpm.engine.RuntimeService runtimeService;
  SigningRest rest;

  @BeforeEach
  void client() {
    rest = new SigningRest(anonymous);
  }

  Map<String, Object> withdrawal(SigningRest.Started contract, String by, String reason) {
    return Map.of("contractNumber", contract.number(), "withdrawnBy", by, "withdrawalReason", reason);
  }

  @Test
  void shouldEndTheSigningWhenTheMerchantWithdrawsDuringTheReview() {
    SigningRest.Started contract = rest.start(request());
    rest.complete(contract, DRAFT_PROPOSAL, proposal("5000.00"));
    rest.complete(contract, CONFIRM_PROPOSAL, proposalAnswer("ACCEPTED"));
    rest.complete(contract, DRAFT_CONTRACT, contractDraft("ELECTRONIC", "5000.00"));
    assertThat(rest.taskKeys(contract)).containsExactly(REVIEW_CLAUSES);

    Map<String, Object> refused = rest.report("withdrawals", withdrawal(contract, "SOMEONE", "预算调整"),
        HttpStatus.BAD_REQUEST);
    assertThat((List<?>) refused.get("problems")).anySatisfy(p -> assertThat((String) p).contains("撤回方（withdrawnBy）"));
    assertThat(rest.taskKeys(contract)).containsExactly(REVIEW_CLAUSES);

    rest.report("withdrawals", withdrawal(contract, "MERCHANT", "预算调整，暂不外包"), HttpStatus.OK);

    assertThat(rest.taskKeys(contract)).isEmpty();
    assertThat(rest.getList("/job?processInstanceId=" + contract.processInstanceId())).isEmpty();
    assertThat(rest.get("/history/process-instance/" + contract.processInstanceId()).get("state")).isEqualTo("COMPLETED");
    Contract record = contracts.findByNumber(contract.number()).orElseThrow();
    assertThat(record.statusValue()).isEqualTo(ContractStatus.WITHDRAWN);
    assertThat(jdbc.sql("SELECT withdrawn_by || ':' || withdrawal_reason FROM contract WHERE id = :id")
        .param("id", record.id()).query(String.class).single()).isEqualTo("MERCHANT:预算调整，暂不外包");
    OutboxMail confirmation = outbox.findByContract(contract.number()).stream()
        .filter(m -> m.subject().contains("已撤回签约")).findFirst().orElseThrow();
    assertThat(confirmation.recipient()).isEqualTo(request().get("merchantEmail"));
    assertThat(confirmation.bodyText()).contains("合同未成立", "预算调整，暂不外包");

    // nothing waits any more: a second report is a conflict
    assertThat(rest.report("withdrawals", withdrawal(contract, "MERCHANT", "再次撤回"), HttpStatus.CONFLICT)
        .get("message")).isEqualTo("合同 " + contract.number() + " 当前没有在等待「撤回或取消签约」");
  }

  @Test
  void shouldRefuseToCancelAContractBothPartiesHaveSigned() {
    SigningRest.Started contract = rest.start(request());
    rest.agreeOnContract(contract, "PAPER", "5000.00");
    rest.signOnPaper(contract);

    Map<String, Object> refused = rest.report("withdrawals", withdrawal(contract, "PROVIDER", "内部资源调整"),
        HttpStatus.BAD_REQUEST);
    assertThat((List<?>) refused.get("problems")).anySatisfy(p -> assertThat((String) p).contains("已经成立"));
    assertThat(rest.taskKeys(contract)).containsExactlyInAnyOrder(CONFIRM_DEPOSIT, ARCHIVE_CONTRACT_ORIGINAL);
    assertThat(contracts.findByNumber(contract.number()).orElseThrow().statusValue()).isEqualTo(ContractStatus.SIGNED);
  }

  @Test
  void shouldRefuseTheProvidersCancellationWhileItsQuoteIsValidOrOnceTheMerchantSentItsSealedCopyBack() {
    SigningRest.Started quoted = rest.start(request());
    rest.complete(quoted, DRAFT_PROPOSAL, proposal("5000.00"));
    // the quote validity the proposal states (set here as the proposal form sets it)
    runtimeService.setVariable(quoted.processInstanceId(), SigningOffers.QUOTE_VALID_UNTIL,
        com.bpocontractflow.common.Clocks.today().plusDays(7).toString());

    Map<String, Object> refused = rest.report("withdrawals", withdrawal(quoted, "PROVIDER", "报价有误"),
        HttpStatus.BAD_REQUEST);
    assertThat((List<?>) refused.get("problems")).anySatisfy(p -> assertThat((String) p)
        .contains("「报价有效期（quoteValidUntil）」", "第四百七十六条第一项"));
    assertThat(rest.taskKeys(quoted)).containsExactly(CONFIRM_PROPOSAL);
    assertThat(contracts.findByNumber(quoted.number()).orElseThrow().statusValue()).isEqualTo(ContractStatus.PROPOSAL_SENT);
    // the merchant, the offeree, may decline it during the period
    rest.report("withdrawals", withdrawal(quoted, "MERCHANT", "另选服务商"), HttpStatus.OK);
    assertThat(contracts.findByNumber(quoted.number()).orElseThrow().statusValue()).isEqualTo(ContractStatus.WITHDRAWN);

    SigningRest.Started sealed = rest.start(request());
    rest.agreeOnContract(sealed, "PAPER", "5000.00");
    rest.complete(sealed, SEAL_CONTRACT, seal());
    rest.complete(sealed, COURIER_CONTRACT, courier());
    long id = contracts.findByNumber(sealed.number()).orElseThrow().id();
    contracts.update(id, Map.of("return_courier_company", "京东物流", "return_tracking_number", "JD0012345678"));

    refused = rest.report("withdrawals", withdrawal(sealed, "PROVIDER", "内部资源调整"), HttpStatus.BAD_REQUEST);
    assertThat((List<?>) refused.get("problems")).anySatisfy(p -> assertThat((String) p)
        .contains("商家已盖章并寄回", "第四百七十七条"));
    assertThat(rest.taskKeys(sealed)).containsExactly(RECEIVE_COUNTERSIGNED_CONTRACT);
    assertThat(outbox.findByContract(sealed.number())).extracting(OutboxMail::template).doesNotContain("SIGNING_CANCELLED");
  }
}
