package com.bpocontractflow.settlement;

import java.math.BigDecimal;
import java.math.MathContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The late-payment rule of the fees clause, which must state a daily rate ("每逾期一日，按应付未付金额的
 * 0.05% 支付违约金"), and the penalty it gives: overdue amount × daily rate × days overdue.
 */
public final class LatePayment {

  /**
   * A daily marker, then the first percentage after it. The number must not continue a longer number
   * ("每日100%" is 100 %, not 00 %; "1,000%" states no rate this pattern reads).
   */
  private static final Pattern DAILY_RATE = Pattern.compile(
      "(?:每逾期[一1]\\s*[日天]|每日|每天|按日)[^%％]*?(?<![\\d.,，])(\\d+(?:\\.\\d+)?)\\s*[%％]");

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

  /** Every daily rate in percent stated by the rule (a rule may state several, e.g. by days overdue). */
  public static List<BigDecimal> dailyPercents(String rule) {
    List<BigDecimal> rates = new ArrayList<>();
    if (rule != null) {
      Matcher matcher = DAILY_RATE.matcher(rule);
      while (matcher.find()) {
        rates.add(new BigDecimal(matcher.group(1)));
      }
    }
    return rates;
  }

  /** The penalty for an amount paid {@code days} late, rounded to the fen. */
  public static BigDecimal penalty(BigDecimal overdueAmount, BigDecimal dailyPercent, long days) {
    if (days <= 0 || overdueAmount.signum() <= 0) {
      return Money.ZERO;
    }
    return FeeCalculator.percentOf(overdueAmount.multiply(BigDecimal.valueOf(days), MathContext.DECIMAL128), dailyPercent);
  }
}
