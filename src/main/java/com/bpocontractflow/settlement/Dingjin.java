package com.bpocontractflow.settlement;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The law of the 定金 (Civil Code art. 586) as arithmetic: the cap of 20 % of the contract's value, and the
 * 定金 that takes effect — the amount actually paid (a payment that differs from the agreed amount changes
 * the 定金), of which any part above the cap is not 定金.
 */
public final class Dingjin {

  /** The highest 定金 in percent of the contract's value (合同标的额). */
  public static final BigDecimal CAP_PERCENT = new BigDecimal("20");

  private static final BigDecimal HUNDRED = new BigDecimal("100");

  private Dingjin() {
  }

  /**
   * The highest 定金 for a contract of this value: 20 % of it, rounded down to the fen, so that a 定金 at
   * the cap never exceeds 20 % (half-up rounding could add up to half a fen of excess, which would not be
   * 定金).
   */
  public static BigDecimal cap(BigDecimal contractValue) {
    return contractValue.multiply(CAP_PERCENT).divide(HUNDRED).setScale(2, RoundingMode.DOWN);
  }

  /** True when an agreed 定金 is within the cap of a contract of this value. */
  public static boolean withinCap(BigDecimal deposit, BigDecimal contractValue) {
    return deposit.compareTo(cap(contractValue)) <= 0;
  }

  /**
   * The 定金 that took effect: the amount paid (art. 586: 实际交付的定金数额多于或者少于约定数额的，视为变更约定的定金数额),
   * at most the cap (超过部分不产生定金的效力); without a known cap, the amount paid.
   */
  public static BigDecimal effective(BigDecimal paid, BigDecimal cap) {
    BigDecimal held = Money.yuan(paid);
    return cap == null ? held : held.min(Money.yuan(cap));
  }
}
