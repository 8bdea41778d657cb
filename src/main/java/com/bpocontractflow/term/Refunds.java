package com.bpocontractflow.term;

import static com.bpocontractflow.signing.ContractSigningProcess.Vars.CONTRACT_ID;
import static com.bpocontractflow.term.ServiceTermProcess.Vars.*;

import com.bpocontractflow.calendar.ChineseWorkdays;
import com.bpocontractflow.calendar.WorkingDayTimers;
import com.bpocontractflow.common.Clocks;
import com.bpocontractflow.contract.Contract;
import com.bpocontractflow.contract.ContractRepository;
import com.bpocontractflow.mail.MerchantMail;
import com.bpocontractflow.mail.MerchantMailer;
import com.bpocontractflow.validation.InputRules;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.Date;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * The refund a final statement owes the merchant (its deposit, or what it overpaid:
 * {@code final_settlement.provider_refunds}): finance confirms the bank paid it (confirm-refund-paid, within
 * {@code bpo.refund.confirm-within} working days, else managers are asked), the confirmation is recorded
 * ({@code refund_confirmation}: day, bank reference, who) and the merchant is told. Returning the deposit
 * or what was overpaid is owed once the contract ends (Civil Code arts. 566, 587; unjust enrichment, art. 985).
 */
@Component("refunds")
public class Refunds {

  /** A confirmation as recorded. */
  public record Confirmation(BigDecimal amount, LocalDate paidOn, String bankReference, String confirmedBy) {
  }

  private final JdbcClient jdbc;
  private final ContractRepository contracts;
  private final MerchantMailer mailer;
  private RefundProperties properties = RefundProperties.DEFAULT;
  private ChineseWorkdays workdays = ChineseWorkdays.shipped();

  public Refunds(JdbcClient jdbc, ContractRepository contracts, MerchantMailer mailer) {
    this.jdbc = jdbc;
    this.contracts = contracts;
    this.mailer = mailer;
  }

  @Autowired(required = false)
  public void setProperties(RefundProperties properties) {
    this.properties = properties;
  }

  /** The working-day calendar of the application (bpo.calendar.dir included); the shipped one without Spring. */
  @Autowired(required = false)
  public void setWorkdays(ChineseWorkdays workdays) {
    this.workdays = workdays;
  }

  /**
   * After the final statement: a refund is due when it owes the merchant money; then finance confirms it by
   * {@code refundConfirmDueAt}.
   */
  public void assess(DelegateExecution execution) {
    BigDecimal amount = owed(contractId(execution)).orElse(BigDecimal.ZERO);
    boolean due = amount.signum() > 0;
    execution.setVariable(REFUND_DUE, due);
    if (due) {
      OffsetDateTime now = ClockUtil.getCurrentTime().toInstant().atZone(Clocks.ZONE).toOffsetDateTime();
      execution.setVariable(REFUND_CONFIRM_DUE_AT,
          Date.from(new WorkingDayTimers(workdays).due(now, properties.confirmWithin()).toInstant()));
    }
  }

  /** Finance confirmed the refund (checked by ServiceInputRules): recorded, and the merchant told. */
  public void paid(DelegateExecution execution) {
    long id = contractId(execution);
    BigDecimal amount = owed(id).orElseThrow();
    LocalDate paidOn = InputRules.toDate(execution.getVariable(REFUND_PAID_ON));
    String reference = ((String) execution.getVariable(REFUND_BANK_REFERENCE)).trim();
    Authentication user = execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
    jdbc.sql("""
            INSERT INTO refund_confirmation (contract_id, amount, paid_on, bank_reference, confirmed_by, confirmed_at)
            VALUES (:id, :amount, :paidOn, :reference, :by, :now)
            """)
        .param("id", id).param("amount", amount).param("paidOn", paidOn).param("reference", reference)
        .param("by", user == null ? null : user.getUserId())
        .param("now", ClockUtil.getCurrentTime().toInstant().atZone(Clocks.ZONE).toOffsetDateTime())
        .update();
    Contract contract = contracts.get(id);
    mailer.send(MerchantMail.REFUND_PAID, contract, Map.of("refundAmount", MerchantMailer.yuan(amount),
        "refundPaidOn", TermDates.zh(paidOn), "refundBankReference", reference), MerchantMailer.yuan(amount));
  }

  /** The confirmation recorded for the contract, if any. */
  public Optional<Confirmation> confirmation(long contractId) {
    return jdbc.sql("SELECT amount, paid_on, bank_reference, confirmed_by FROM refund_confirmation WHERE contract_id = :id")
        .param("id", contractId)
        .query((rs, n) -> new Confirmation(rs.getBigDecimal("amount"), rs.getObject("paid_on", LocalDate.class),
            rs.getString("bank_reference"), rs.getString("confirmed_by")))
        .optional();
  }

  /** What the final statement refunds the merchant. */
  private Optional<BigDecimal> owed(long contractId) {
    return jdbc.sql("SELECT provider_refunds FROM final_settlement WHERE contract_id = :id").param("id", contractId)
        .query(BigDecimal.class).optional();
  }

  private static long contractId(DelegateExecution execution) {
    return ((Number) execution.getVariable(CONTRACT_ID)).longValue();
  }
}
