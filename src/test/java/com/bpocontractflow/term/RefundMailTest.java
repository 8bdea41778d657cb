package com.bpocontractflow.term;

import static com.bpocontractflow.term.ServiceTermProcess.Vars.REFUND_BANK_REFERENCE;
import static com.bpocontractflow.term.ServiceTermProcess.Vars.REFUND_PAID_ON;
import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.Mockito.RETURNS_DEEP_STUBS;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import com.bpocontractflow.contract.Contract;
import com.bpocontractflow.contract.ContractRepository;
import com.bpocontractflow.contract.DepositHandling;
import com.bpocontractflow.contract.NewContract;
import com.bpocontractflow.contract.ShopPlatform;
import com.bpocontractflow.mail.MailOutbox;
import com.bpocontractflow.mail.OutboxMail;
import com.bpocontractflow.settlement.FinalSettlement;
import com.bpocontractflow.signing.ContractSigningProcess;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;

/**
 * #17: the 退款已支付 e-mail as the application writes it (its templates, provider and outbox): the amount the
 * final statement refunds, the day paid and the bank reference, in both parts; the confirmation recorded.
 */
@SpringBootTest(properties = {
    "spring.datasource.url=jdbc:h2:mem:refund-mail-test;DB_CLOSE_DELAY=-1",
    "bpo.mail.sender-enabled=false",
    "camunda.bpm.job-execution.enabled=false"})
class RefundMailTest {

  @Autowired
  Refunds refunds;
  @Autowired
  ContractRepository contracts;
  @Autowired
  TermRecords records;
  @Autowired
  MailOutbox outbox;

  @Test
  void shouldTellTheMerchantTheAmountTheDayAndTheBankReferenceOfItsRefund() {
    Contract contract = contracts.register(new NewContract(null, "杭州小象旗舰店", "ops@xiaoxiang.example.com", "王小明", null,
        ShopPlatform.TMALL, 5, "售前咨询与售后跟进"));
    // everything invoiced and paid: the deposit of 5,000.00 comes back
    records.recordSettlement(contract.id(), null, LocalDate.of(2027, 11, 30), FinalSettlement.of(BigDecimal.ZERO,
        BigDecimal.ZERO, List.of(), new BigDecimal("5000.00"), DepositHandling.REFUND), "finance");
    DelegateExecution execution = mock(DelegateExecution.class, RETURNS_DEEP_STUBS);
    when(execution.getVariable(ContractSigningProcess.Vars.CONTRACT_ID)).thenReturn(contract.id());
    when(execution.getVariable(REFUND_PAID_ON)).thenReturn("2027-12-03");
    when(execution.getVariable(REFUND_BANK_REFERENCE)).thenReturn("ICBC-20271203-0007");
    when(execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication()).thenReturn(null);

    refunds.paid(execution);

    OutboxMail mail = outbox.findByContract(contract.contractNumber()).get(0);
    assertThat(mail.template()).isEqualTo("REFUND_PAID");
    assertThat(mail.recipient()).isEqualTo("ops@xiaoxiang.example.com");
    assertThat(mail.subject()).isEqualTo("【合同编号 " + contract.contractNumber() + "】退款已支付：5,000.00 元");
    assertThat(mail.bodyText()).contains("尊敬的 王小明（杭州小象旗舰店）：", "我方应退还贵司的款项已通过银行支付",
        "退款金额：5,000.00 元", "支付日期：2027年12月3日", "银行流水号：ICBC-20271203-0007",
        "合同编号 " + contract.contractNumber());
    assertThat(mail.bodyHtml()).contains("5,000.00 元", "2027年12月3日", "ICBC-20271203-0007");
    assertThat(refunds.confirmation(contract.id())).get().satisfies(c -> {
      assertThat(c.amount()).isEqualByComparingTo("5000.00");
      assertThat(c.paidOn()).isEqualTo(LocalDate.of(2027, 12, 3));
      assertThat(c.bankReference()).isEqualTo("ICBC-20271203-0007");
    });
  }
}
