package com.bpocontractflow.settlement;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class LatePaymentTest {

  @Test
  void theDailyRateIsReadAfterADailyMarker() {
    assertThat(LatePayment.dailyPercent("每逾期一日，按应付未付金额的 0.05% 支付违约金")).contains(new BigDecimal("0.05"));
    assertThat(LatePayment.dailyPercent("每日100%")).contains(new BigDecimal("100"));
    assertThat(LatePayment.dailyPercent("逾期按 0.05% 支付")).isEmpty();
    assertThat(LatePayment.dailyPercent("每日按1,000%")).isEmpty();
    assertThat(LatePayment.dailyPercent(null)).isEmpty();
    assertThat(LatePayment.dailyPercents("逾期 30 日以内每日 0.03%，超过 30 日每日 0.05％"))
        .containsExactly(new BigDecimal("0.03"), new BigDecimal("0.05"));
    assertThat(LatePayment.dailyPercents(null)).isEmpty();
  }

  @Test
  void penaltyIsAmountTimesRateTimesDaysRoundedToTheFen() {
    // 12,345.67 × 0.05 % × 7 = 43.209845 -> 43.21
    assertThat(LatePayment.penalty(new BigDecimal("12345.67"), new BigDecimal("0.05"), 7))
        .isEqualByComparingTo("43.21");
    assertThat(LatePayment.penalty(new BigDecimal("100.00"), new BigDecimal("0.05"), 1))
        .isEqualByComparingTo("0.05");
  }

  @Test
  void nothingIsDueWithoutDaysOrAmount() {
    assertThat(LatePayment.penalty(new BigDecimal("100"), new BigDecimal("0.05"), 0)).isEqualByComparingTo("0");
    assertThat(LatePayment.penalty(new BigDecimal("100"), new BigDecimal("0.05"), -3)).isEqualByComparingTo("0");
    assertThat(LatePayment.penalty(BigDecimal.ZERO, new BigDecimal("0.05"), 10)).isEqualByComparingTo("0");
    assertThat(LatePayment.penalty(new BigDecimal("-5"), new BigDecimal("0.05"), 10)).isEqualByComparingTo("0");
  }
}
