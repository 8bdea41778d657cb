package com.bpocontractflow.settlement;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.bpocontractflow.contract.BillingModel;
import com.bpocontractflow.contract.DepositHandling;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The money of a running contract over the awkward cases. */
class FeeCalculatorTest {

  static final BigDecimal MONTHLY = new BigDecimal("31000.00");

  @ParameterizedTest(name = "{0} .. {1} at 31000/month = {2}")
  @CsvSource({
      // a whole calendar month, whatever its length
      "2026-01-01, 2026-01-31, 31000.00",
      "2026-02-01, 2026-02-28, 31000.00",
      // a partial month: days used / days in that month
      "2026-01-15, 2026-01-31, 17000.00",
      "2026-02-15, 2026-02-28, 15500.00",
      // month end to month end across two months
      "2026-01-31, 2026-02-28, 32000.00",
      // leap year: February has 29 days
      "2028-02-01, 2028-02-29, 31000.00",
      "2028-02-15, 2028-02-29, 16034.48",
      // across a year end, partial at both ends
      "2026-12-20, 2027-01-10, 22000.00",
      // one day
      "2026-04-30, 2026-04-30, 1033.33"})
  void shouldChargeWholeMonthsAndPartialMonthsProRataByCalendarDays(LocalDate first, LocalDate last, BigDecimal fee) {
    assertThat(FeeCalculator.proRata(MONTHLY, first, last)).isEqualTo(fee);
  }

  @Test
  void shouldRoundOnceAtTheEndHalfUp() {
    // 10 of 30 days of 3000.00 is exactly 1000.00; 1 of 28 days of 100.00 is 3.5714... -> 3.57
    BigDecimal monthly = new BigDecimal("3000.00");
    assertThat(FeeCalculator.proRata(monthly, LocalDate.of(2026, 9, 1), LocalDate.of(2026, 9, 10))).isEqualTo("1000.00");
    assertThat(FeeCalculator.proRata(new BigDecimal("100.00"), LocalDate.of(2026, 2, 1), LocalDate.of(2026, 2, 1)))
        .isEqualTo("3.57");
  }

  @Test
  void shouldRefuseAPeriodThatEndsBeforeItStarts() {
    assertThatThrownBy(() -> FeeCalculator.proRata(MONTHLY, LocalDate.of(2026, 5, 2), LocalDate.of(2026, 5, 1)))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @ParameterizedTest(name = "{0} at {1} x {2} seats = {3} a month")
  @CsvSource({"PER_SEAT, 4500.00, 5, 22500.00", "FIXED_MONTHLY, 20000.00, 9, 20000.00", "FIXED_YEARLY, 100000.00, 9, 8333.33"})
  void shouldDeriveTheMonthlyFeeFromTheBillingModel(BillingModel model, BigDecimal unitPrice, int seats, BigDecimal monthly) {
    assertThat(Money.yuan(FeeCalculator.monthlyFee(model, unitPrice, seats))).isEqualTo(monthly);
  }

  @Test
  void shouldLeaveVolumeBasedFeesToTheInvoices() {
    assertThat(FeeCalculator.monthlyFee(BillingModel.PER_INQUIRY, BigDecimal.TEN, 5)).isNull();
    assertThat(FeeCalculator.monthlyFee(BillingModel.PER_ORDER, BigDecimal.TEN, 5)).isNull();
  }

  @Test
  void shouldChargeAFixedYearlyFeeWithoutLosingFenOverAYear() {
    BigDecimal monthly = FeeCalculator.monthlyFee(BillingModel.FIXED_YEARLY, new BigDecimal("100000.00"), 1);
    assertThat(FeeCalculator.proRata(monthly, LocalDate.of(2026, 1, 1), LocalDate.of(2026, 12, 31))).isEqualTo("100000.00");
  }

  @Test
  void shouldChargeFeesToTheEffectiveDateWhenANoticeArrivesMidCycle() {
    // monthly settlement, last invoice covered up to 31 March; notice received 17 March, 30 days' notice
    LocalDate lastDay = com.bpocontractflow.calendar.ChineseWorkdays.shipped().periodEnd(LocalDate.of(2026, 3, 17), 30);
    BigDecimal fees = FeeCalculator.proRata(new BigDecimal("22500.00"), LocalDate.of(2026, 4, 1), lastDay);
    assertThat(lastDay).isEqualTo("2026-04-16");
    assertThat(fees).isEqualTo("12000.00");
  }

  @Test
  void shouldSetADepositLargerThanTheFinalInvoiceOffAndRefundTheRest() {
    FinalSettlement settlement = FinalSettlement.of(new BigDecimal("12000"), new BigDecimal("3000.50"),
        List.of(), new BigDecimal("20000"), DepositHandling.SET_OFF);

    assertThat(settlement.amountOwed()).isEqualTo("15000.50");
    assertThat(settlement.depositSetOff()).isEqualTo("15000.50");
    assertThat(settlement.merchantPays()).isEqualTo("0.00");
    assertThat(settlement.providerRefunds()).isEqualTo("4999.50");
  }

  @Test
  void shouldSetASmallerDepositOffAndLeaveTheRestToPay() {
    FinalSettlement settlement = FinalSettlement.of(new BigDecimal("12000"), BigDecimal.ZERO,
        List.of(new BigDecimal("2250.005")), new BigDecimal("5000"), DepositHandling.SET_OFF);

    assertThat(settlement.penalties()).isEqualTo("2250.01");
    assertThat(settlement.merchantPays()).isEqualTo("9250.01");
    assertThat(settlement.providerRefunds()).isEqualTo("0.00");
  }

  @Test
  void shouldRefundADepositInFullWhenTheContractSaysSo() {
    FinalSettlement settlement = FinalSettlement.of(new BigDecimal("12000"), BigDecimal.ZERO, List.of(),
        new BigDecimal("5000"), DepositHandling.REFUND);

    assertThat(settlement.merchantPays()).isEqualTo("12000.00");
    assertThat(settlement.depositSetOff()).isEqualTo("0.00");
    assertThat(settlement.providerRefunds()).isEqualTo("5000.00");
  }

  @Test
  void shouldComputePercentagePenalties() {
    assertThat(FeeCalculator.percentOf(new BigDecimal("22500.00"), new BigDecimal("10"))).isEqualTo("2250.00");
    assertThat(FeeCalculator.percentOf(new BigDecimal("333.33"), new BigDecimal("0.5"))).isEqualTo("1.67");
  }

  @ParameterizedTest(name = "{0} at {1}, {2} seats, {3} months, volume {4}: value {5}, 定金 cap {6}")
  @CsvSource(nullValues = "-", value = {
      // per seat: 5 seats × 6,000.00 = 30,000.00 a month × 12 = 360,000.00; 20 % = 72,000.00
      "PER_SEAT,      6000.00,   5, 12, -,    360000.00, 72000.00",
      // fixed monthly: 20,000.00 × 6 = 120,000.00 (seats do not count); 20 % = 24,000.00
      "FIXED_MONTHLY, 20000.00,  9,  6, -,    120000.00, 24000.00",
      // fixed yearly: 100,000.00 ÷ 12 × 18 = 150,000.00 (8,333.33… a month, rounded once); 20 % = 30,000.00
      "FIXED_YEARLY,  100000.00, 9, 18, -,    150000.00, 30000.00",
      // per inquiry: estimated 2,000 inquiries × 1.50 = 3,000.00 a month × 12 = 36,000.00; 20 % = 7,200.00
      "PER_INQUIRY,   1.50,      5, 12, 2000, 36000.00,  7200.00",
      // per order: estimated 3,000 orders × 0.80 = 2,400.00 a month × 12 = 28,800.00; 20 % = 5,760.00
      "PER_ORDER,     0.80,      5, 12, 3000, 28800.00,  5760.00",
      // 10,000.01 × 3 = 30,000.03; 20 % = 6,000.006: rounded down to 6,000.00, since 6,000.01 would exceed 20 %
      "FIXED_MONTHLY, 10000.01,  1,  3, -,    30000.03,  6000.00"})
  void shouldTakeTheDingjinCapOnTheContractsValue(BillingModel model, BigDecimal unitPrice, int seats, int months,
      Long volume, BigDecimal value, BigDecimal cap) {
    assertThat(FeeCalculator.contractValue(model, unitPrice, seats, months, volume)).isEqualTo(value);
    assertThat(Dingjin.cap(value)).isEqualTo(cap);
    assertThat(Dingjin.withinCap(cap, value)).isTrue();
    assertThat(Dingjin.withinCap(cap.add(new BigDecimal("0.01")), value)).isFalse();
  }

  @Test
  void shouldHaveNoContractValueForVolumeBillingWithoutAnEstimate() {
    assertThat(FeeCalculator.contractValue(BillingModel.PER_INQUIRY, new BigDecimal("1.50"), 5, 12, null)).isNull();
    assertThat(FeeCalculator.contractValue(BillingModel.PER_ORDER, new BigDecimal("0.80"), 5, 12, null)).isNull();
  }

  @Test
  void shouldTakeAsDingjinWhatWasPaidUpToTheCap() {
    // paid 15,000.00 of 20,000.00 agreed: 15,000.00; paid 80,000.00 with a cap of 72,000.00: 72,000.00
    assertThat(Dingjin.effective(new BigDecimal("15000"), new BigDecimal("72000.00"))).isEqualTo("15000.00");
    assertThat(Dingjin.effective(new BigDecimal("80000"), new BigDecimal("72000.00"))).isEqualTo("72000.00");
    assertThat(Dingjin.effective(new BigDecimal("80000"), null)).isEqualTo("80000.00");
  }
}
