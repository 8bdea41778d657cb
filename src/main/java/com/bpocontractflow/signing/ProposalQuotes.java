package com.bpocontractflow.signing;

import static com.bpocontractflow.signing.ContractSigningProcess.Vars.*;

import com.bpocontractflow.common.Clocks;
import com.bpocontractflow.contract.ContractRepository;
import com.bpocontractflow.contract.ContractStatus;
import com.bpocontractflow.mail.MerchantMailer;
import com.bpocontractflow.settlement.Money;
import com.bpocontractflow.validation.InputRules;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * The quote of the proposal being sent: computed once ({@link Quote}) when {@code ServiceTask_SendProposal}
 * starts and stored with the proposal as process variables ({@code quote} as JSON text, {@code
 * quoteValidUntil}, {@code quoteExpiresAt}), so the e-mail and the merchant's page show the same figures.
 * The quote binds us until the end of its last day, Beijing time (Civil Code arts. 476 (1), 481); then the
 * timer on {@code confirm-proposal} fires, {@link #expired} notes it and sales quotes again in
 * {@code draft-proposal}, and the answer link (valid exactly as long as the quote) says it has expired.
 */
@Component("proposalQuote")
public class ProposalQuotes implements ExecutionListener {

  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy年M月d日");
  /** The timer's date: ISO 8601 with an offset, as the engine parses a timeDate. */
  private static final DateTimeFormatter TIMER_DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssXXX");

  private final ProposalProperties properties;
  private final ContractRepository contracts;

  public ProposalQuotes(ProposalProperties properties, ContractRepository contracts) {
    this.properties = properties;
    this.contracts = contracts;
  }

  /** Computes and stores the quote of the proposal about to be sent; valid for bpo.proposal.validity from today. */
  @Override
  public void notify(DelegateExecution execution) {
    LocalDate validUntil = Clocks.today().plus(properties.validity());
    Quote quote = Quote.of(execution.getVariables(), validUntil);
    execution.setVariable(QUOTE, quote.toJson());
    execution.setVariable(QUOTE_VALID_UNTIL, validUntil.toString());
    execution.setVariable(QUOTE_EXPIRES_AT, timerDate(validUntil));
    execution.removeVariable(QUOTE_EXPIRED_ON);
    if (InputRules.isBlank(execution.getVariable(EXTRA_FEES))) {
      // none named: legal's draft starts from the template's "无", not from an empty clause field
      execution.removeVariable(EXTRA_FEES);
    }
  }

  /**
   * The quote expired unanswered (the offer lapsed, Civil Code art. 481): the contract is being re-quoted,
   * and draft-proposal says so until the next quote is sent.
   */
  public void expired(DelegateExecution execution) {
    execution.setVariable(QUOTE_EXPIRED_ON, execution.getVariable(QUOTE_VALID_UNTIL));
    contracts.updateStatus(contracts.ofProcess(execution.getVariable(CONTRACT_ID), execution.getProcessBusinessKey()).id(),
        ContractStatus.PROPOSAL_REVISION);
  }

  /** The instant a quote valid until this day (inclusive, Beijing) expires: the start of the next day. */
  public static OffsetDateTime expiresAt(LocalDate validUntil) {
    return validUntil.plusDays(1).atStartOfDay(Clocks.ZONE).toOffsetDateTime();
  }

  /** {@link #expiresAt} as stored in {@code quoteExpiresAt} for the timer, e.g. 2026-12-16T00:00:00+08:00. */
  public static String timerDate(LocalDate validUntil) {
    return TIMER_DATE.format(expiresAt(validUntil));
  }

  /** The expiry stored in {@code quoteExpiresAt}, or null when there is none (or it is not a date-time). */
  public static OffsetDateTime storedExpiry(Object quoteExpiresAt) {
    try {
      return quoteExpiresAt instanceof String s ? OffsetDateTime.parse(s, TIMER_DATE) : null;
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  /**
   * What the proposal e-mail and page show of a stored quote, in zh-CN: {@code quoteLines} (item, basis,
   * amount; monthly lines, then peak lines, then extra fees), {@code quoteMonthlyTotal}, {@code quotePeakTotal}
   * (null without peak lines), {@code quoteDeposit}, {@code quoteValidUntil}; empty without a quote.
   */
  public static Map<String, Object> model(Object storedQuote) {
    Map<String, Object> model = new HashMap<>();
    if (!(storedQuote instanceof String json)) {
      return model;
    }
    Quote quote = Quote.fromJson(json);
    List<Map<String, String>> lines = new java.util.ArrayList<>();
    for (Quote.Kind kind : Quote.Kind.values()) {
      for (Quote.Line line : quote.lines(kind)) {
        lines.add(Map.of("item", line.item(), "basis", line.basis(), "amount",
            line.amount() == null ? "另计" : Money.text(line.amount()) + " 元" + switch (kind) {
              case MONTHLY -> "/月";
              case PEAK -> "/次";
              case EXTRA -> "";
            }));
      }
    }
    model.put("quoteLines", lines);
    model.put("quoteMonthlyTotal", MerchantMailer.yuan(quote.monthlyTotal()));
    model.put("quotePeakTotal", quote.lines(Quote.Kind.PEAK).isEmpty() ? null : MerchantMailer.yuan(quote.peakTotal()));
    model.put("quoteDeposit", MerchantMailer.yuan(quote.deposit()));
    model.put("quoteValidUntil", DAY.format(quote.validUntil()));
    return model;
  }
}
