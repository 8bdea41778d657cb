package com.bpocontractflow.settlement;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The late-payment rule of the fees clause, which must state a daily rate ("每逾期一日，按应付未付金额的
 * 0.05% 支付违约金"), and the penalty it gives: overdue amount × daily rate × days overdue.
 */
public final class LatePayment {

  private static final Pattern DAILY_RATE = Pattern.compile("(?:每逾期一日|每日|每天|按日)[^%％]*?(\\d{1,2}(?:\\.\\d{1,4})?)\\s*[%％]");

  private LatePayment() {
  }

  /** The daily rate in percent stated by the rule, if it states one. */
  public static Optional<BigDecimal> dailyPercent(String rule) {
    if (rule == null) {
      return Optional.empty();
    }
    Matcher matcher = DAILY_RATE.matcher(rule);
    return matcher.find() ? Optional.of(new BigDecimal(matcher.group(1))) : Optional.empty();
  }

  /** The penalty for an amount paid {@code days} late, rounded to the fen. */
  public static BigDecimal penalty(BigDecimal overdueAmount, BigDecimal dailyPercent, long days) {
    if (days <= 0 || overdueAmount.signum() <= 0) {
      return Money.ZERO;
    }
    return FeeCalculator.percentOf(overdueAmount.multiply(BigDecimal.valueOf(days), MathContext.DECIMAL128), dailyPercent);
  }
}
