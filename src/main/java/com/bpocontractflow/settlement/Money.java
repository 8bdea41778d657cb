package com.bpocontractflow.settlement;

import java.math.BigDecimal;
import java.math.RoundingMode;

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
}
