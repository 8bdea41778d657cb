package com.bpocontractflow.settlement;

import com.bpocontractflow.contract.BillingModel;
import java.math.BigDecimal;
import java.math.MathContext;
import java.time.LocalDate;
import java.time.YearMonth;

/**
 * Fees and dates of a running contract, exactly: service fees for any period (whole calendar months at the
 * monthly fee, a partial month pro rata by its calendar days), the effective date of a termination notice,
 * penalties. Dates are calendar dates in China (Asia/Shanghai); periods include both their first and their
 * last day.
 */
public final class FeeCalculator {

  private static final MathContext PRECISE = MathContext.DECIMAL128;

  private FeeCalculator() {
  }

  /**
   * The fee of one calendar month, unrounded; null for billing by volume (per inquiry, per order), whose
   * fees come from the period's invoices.
   */
  public static BigDecimal monthlyFee(BillingModel model, BigDecimal unitPrice, int seats) {
    return switch (model) {
      case PER_SEAT -> unitPrice.multiply(BigDecimal.valueOf(seats));
      case FIXED_MONTHLY -> unitPrice;
      case FIXED_YEARLY -> unitPrice.divide(BigDecimal.valueOf(12), PRECISE);
      case PER_INQUIRY, PER_ORDER -> null;
    };
  }

  /**
   * The contract's value (合同标的额) on which the 定金 cap is taken, rounded half up to the fen: the monthly
   * fee × the term in months for seat and fixed billing; for volume billing (per inquiry, per order) the
   * estimated monthly volume × the unit price × the term, or null when there is no estimate.
   */
  public static BigDecimal contractValue(BillingModel model, BigDecimal unitPrice, int seats, int termMonths,
      Long estimatedMonthlyVolume) {
    BigDecimal monthly = monthlyFee(model, unitPrice, seats);
    if (monthly == null) {
      if (estimatedMonthlyVolume == null) {
        return null;
      }
      monthly = unitPrice.multiply(BigDecimal.valueOf(estimatedMonthlyVolume));
    }
    return Money.yuan(monthly.multiply(BigDecimal.valueOf(termMonths), PRECISE));
  }

  /**
   * The fee for the days from {@code first} to {@code last} (both included): each calendar month touched
   * contributes monthlyFee × days used / days in that month; the sum is rounded once to the fen.
   */
  public static BigDecimal proRata(BigDecimal monthlyFee, LocalDate first, LocalDate last) {
    if (last.isBefore(first)) {
      throw new IllegalArgumentException("The period ends (" + last + ") before it starts (" + first + ")");
    }
    BigDecimal total = BigDecimal.ZERO;
    for (YearMonth month = YearMonth.from(first); !month.isAfter(YearMonth.from(last)); month = month.plusMonths(1)) {
      LocalDate from = first.isAfter(month.atDay(1)) ? first : month.atDay(1);
      LocalDate to = last.isBefore(month.atEndOfMonth()) ? last : month.atEndOfMonth();
      long daysUsed = to.toEpochDay() - from.toEpochDay() + 1;
      total = total.add(monthlyFee.multiply(BigDecimal.valueOf(daysUsed))
          .divide(BigDecimal.valueOf(month.lengthOfMonth()), PRECISE));
    }
    return Money.yuan(total);
  }

  /** A penalty of a percentage of a base amount, rounded to the fen. */
  public static BigDecimal percentOf(BigDecimal base, BigDecimal percent) {
    return Money.yuan(base.multiply(percent).divide(BigDecimal.valueOf(100), PRECISE));
  }
}
