package com.bpocontractflow.signing;

import static com.bpocontractflow.signing.ContractSigningProcess.Vars.LATE_PAYMENT_RULE;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * The highest daily rate the late-payment rule of the fees clause may state, from
 * {@code bpo.validation.late-payment-daily-cap-percent} (default {@value #DEFAULT_DAILY_PERCENT} % a day).
 *
 * <p>Why a cap: a PRC court or arbitration body reduces, on request, a contractual penalty that is
 * excessively higher than the loss it caused (Civil Code art. 585 para. 2), and the Supreme People's
 * Court's 2023 interpretation of the Civil Code's general rules on contracts (法释〔2023〕13号) art. 65
 * generally takes a penalty more than 30 % above the loss as excessive. A rate such as 1 % a day (365 % a
 * year) is likely to be reduced and only invites a dispute; 0.1 % a day is a ceiling common in commercial
 * contracts (the template states 0.05 %).
 */
@Component
public class LatePaymentCap {

  public static final String DEFAULT_DAILY_PERCENT = "0.1";

  private final BigDecimal dailyPercent;

  public LatePaymentCap(@Value("${bpo.validation.late-payment-daily-cap-percent:}") String dailyPercent) {
    String configured = dailyPercent == null || dailyPercent.isBlank() ? DEFAULT_DAILY_PERCENT : dailyPercent.trim();
    try {
      this.dailyPercent = new BigDecimal(configured);
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException("bpo.validation.late-payment-daily-cap-percent is not a number: " + configured, e);
    }
    if (this.dailyPercent.signum() <= 0) {
      throw new IllegalArgumentException("bpo.validation.late-payment-daily-cap-percent must be above 0: " + configured);
    }
  }

  /** The cap in percent per day. */
  public BigDecimal dailyPercent() {
    return dailyPercent;
  }

  /** The problem with a step's late-payment rule, if the step sets one and it states a rate above the cap. */
  public List<String> problems(String taskOrFormId, Map<String, Object> values) {
    if (!SigningInputRules.forStep(taskOrFormId).keys().contains(LATE_PAYMENT_RULE)) {
      return List.of();
    }
    String problem = ClauseRules.latePaymentOverCap(values.get(LATE_PAYMENT_RULE), dailyPercent);
    return problem == null ? List.of() : List.of(problem);
  }
}
