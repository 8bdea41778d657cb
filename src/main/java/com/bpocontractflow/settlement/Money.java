package com.bpocontractflow.settlement;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.util.Locale;

/**
 * Amounts in CNY: {@link BigDecimal} with two decimals. Intermediate results keep their full precision;
 * each amount that appears on a statement is rounded once, half up (四舍五入), to the fen.
 */
public final class Money {

  public static final RoundingMode ROUNDING = RoundingMode.HALF_UP;
  public static final BigDecimal ZERO = yuan(BigDecimal.ZERO);

  private Money() {
  }

  public static BigDecimal yuan(BigDecimal amount) {
    return amount.setScale(2, ROUNDING);
  }

  /** An amount as statements show it: thousands separators and two decimals, e.g. 12,000.00. */
  public static String text(BigDecimal amount) {
    return new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(Locale.ROOT)).format(yuan(amount));
  }
}
