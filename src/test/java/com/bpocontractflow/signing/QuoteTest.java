package com.bpocontractflow.signing;

import static com.bpocontractflow.signing.ContractSigningProcess.Vars.*;
import static org.assertj.core.api.Assertions.assertThat;

import com.bpocontractflow.signing.Quote.Kind;
import com.bpocontractflow.signing.Quote.Line;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The quote's lines and totals, computed in one place (issue #17). */
class QuoteTest {

  static final LocalDate VALID_UNTIL = LocalDate.of(2026, 12, 15);

  static Map<String, Object> perSeat() {
    Map<String, Object> values = new HashMap<>(SigningTestData.vars(BILLING_MODEL, "PER_SEAT", UNIT_PRICE, "4500.50",
        SEATS, 8L, DEPOSIT_AMOUNT, "9001", HOLIDAY_COVERAGE, false,
        "peakSeatsDouble11", 0L, "peakSeats618", 0L, "peakSeatsNewYear", 0L, EXTRA_FEES, "无"));
    return values;
  }

  @Test
  void shouldQuoteSeatsTimesUnitPriceAMonthWithTheDepositAndValidity() {
    Quote quote = Quote.of(perSeat(), VALID_UNTIL);

    assertThat(quote.lines()).containsExactly(
        new Line(Kind.MONTHLY, "客服座席服务费", "8 个座席 × 4,500.50 元/座席/月", new BigDecimal("36004.00")));
    assertThat(quote.monthlyTotal()).isEqualByComparingTo("36004.00");
    assertThat(quote.peakTotal()).isEqualByComparingTo("0");
    assertThat(quote.deposit()).isEqualTo(new BigDecimal("9001.00"));
    assertThat(quote.validUntil()).isEqualTo(VALID_UNTIL);
  }

  @Test
  void shouldAddHolidayCoverPeakSeatsAndNamedExtraFeesEachOnItsOwnLine() {
    Map<String, Object> values = perSeat();
    values.putAll(SigningTestData.vars(HOLIDAY_COVERAGE, true, HOLIDAY_COVER_FEE, "1200",
        "peakSeatsDouble11", 10L, "peakSeatsNewYear", 4L, PEAK_SEAT_PRICE, "2500.00",
        EXTRA_FEES, "加班费每小时 50 元；节假日补贴为当日服务费的 100%。"));

    Quote quote = Quote.of(values, VALID_UNTIL);

    assertThat(quote.lines(Kind.MONTHLY)).extracting(Line::item, Line::amount).containsExactly(
        org.assertj.core.groups.Tuple.tuple("客服座席服务费", new BigDecimal("36004.00")),
        org.assertj.core.groups.Tuple.tuple("法定节假日值守", new BigDecimal("1200.00")));
    assertThat(quote.lines(Kind.PEAK)).containsExactly(
        new Line(Kind.PEAK, "双十一临时加座", "10 个座席 × 2,500.00 元/座席（每次活动期）", new BigDecimal("25000.00")),
        new Line(Kind.PEAK, "年货节临时加座", "4 个座席 × 2,500.00 元/座席（每次活动期）", new BigDecimal("10000.00")));
    assertThat(quote.lines(Kind.EXTRA)).extracting(Line::item, Line::amount).containsExactly(
        org.assertj.core.groups.Tuple.tuple("加班费每小时 50 元", null),
        org.assertj.core.groups.Tuple.tuple("节假日补贴为当日服务费的 100%", null));
    // the monthly total takes the monthly lines only: peaks are charged per period, extra fees when incurred
    assertThat(quote.monthlyTotal()).isEqualByComparingTo("37204.00");
    assertThat(quote.peakTotal()).isEqualByComparingTo("35000.00");
  }

  @Test
  void shouldSayHolidayCoverIsIncludedWhenItsFeeIsZero() {
    Map<String, Object> values = perSeat();
    values.putAll(SigningTestData.vars(HOLIDAY_COVERAGE, true, HOLIDAY_COVER_FEE, "0"));

    assertThat(Quote.of(values, VALID_UNTIL).lines(Kind.MONTHLY)).last()
        .isEqualTo(new Line(Kind.MONTHLY, "法定节假日值守", "已含在服务费中", new BigDecimal("0.00")));
  }

  @ParameterizedTest
  @CsvSource(delimiter = '|', value = {
      "FIXED_MONTHLY | 20000    | 固定月费             | 每月 20,000.00 元                                              | 20000.00",
      "FIXED_YEARLY  | 100000   | 固定年费（按月折算） | 年费 100,000.00 元 ÷ 12 个月                                   | 8333.33",
      "PER_INQUIRY   | 1.55     | 咨询服务费（预估）   | 预计每日 333 次咨询 × 30 天 × 1.55 元/次，按实际量结算         | 15484.50",
      "PER_ORDER     | 0.85     | 订单服务费（预估）   | 预计每日 101 单 × 30 天 × 0.85 元/单，按实际量结算             | 2575.50"})
  void shouldQuoteEachBillingModelAsAMonthlyLine(String model, String price, String item, String basis, String amount) {
    Map<String, Object> values = perSeat();
    values.putAll(SigningTestData.vars(BILLING_MODEL, model, UNIT_PRICE, price, DAILY_INQUIRIES, 333L, DAILY_ORDERS, 101L));

    Quote quote = Quote.of(values, VALID_UNTIL);

    assertThat(quote.lines()).containsExactly(new Line(Kind.MONTHLY, item, basis, new BigDecimal(amount)));
    assertThat(quote.monthlyTotal()).isEqualByComparingTo(amount);
  }

  @Test
  void shouldReadBackTheStoredQuoteUnchanged() {
    Map<String, Object> values = perSeat();
    values.putAll(SigningTestData.vars(HOLIDAY_COVERAGE, true, HOLIDAY_COVER_FEE, "1200",
        "peakSeats618", 2L, PEAK_SEAT_PRICE, "2500", EXTRA_FEES, "加班费每小时 50 元"));
    Quote quote = Quote.of(values, VALID_UNTIL);

    String json = quote.toJson();

    assertThat(json).contains("\"validUntil\":\"2026-12-15\"");
    assertThat(Quote.fromJson(json)).isEqualTo(quote);
  }

  @Test
  void shouldFitTheStoredQuoteIntoAStringVariableWhateverTheExtraFees() {
    Map<String, Object> values = perSeat();
    // the longest fee clause the rules let through, in the shortest items they accept
    String fees = String.join("；", java.util.Collections.nCopies(200, "杂费1元"));
    values.putAll(SigningTestData.vars(HOLIDAY_COVERAGE, true, HOLIDAY_COVER_FEE, "99999999.99", "peakSeatsDouble11", 2000L,
        "peakSeats618", 2000L, "peakSeatsNewYear", 2000L, PEAK_SEAT_PRICE, "99999999.99", EXTRA_FEES, fees.substring(0, 999)));
    assertThat(ClauseRules.extraFeesProblem(fees.substring(0, 999))).isNull();
    Quote quote = Quote.of(values, VALID_UNTIL);

    assertThat(quote.lines(Kind.EXTRA)).hasSize(200);
    assertThat(quote.toJson().length()).isLessThan(4000); // Camunda's string variables hold 4,000 characters
    assertThat(Quote.fromJson(quote.toJson())).isEqualTo(quote);
  }

  @Test
  void shouldShowTheStoredQuoteToTheMerchantInZhCn() {
    Map<String, Object> values = perSeat();
    values.putAll(SigningTestData.vars("peakSeats618", 2L, PEAK_SEAT_PRICE, "2500", EXTRA_FEES, "加班费每小时 50 元"));

    Map<String, Object> model = ProposalQuotes.model(Quote.of(values, VALID_UNTIL).toJson());

    assertThat(model).containsEntry("quoteMonthlyTotal", "36,004.00").containsEntry("quotePeakTotal", "5,000.00")
        .containsEntry("quoteDeposit", "9,001.00").containsEntry("quoteValidUntil", "2026年12月15日");
    @SuppressWarnings("unchecked")
    java.util.List<Map<String, String>> lines = (java.util.List<Map<String, String>>) model.get("quoteLines");
    assertThat(lines).extracting(line -> line.get("amount")).containsExactly("36,004.00 元/月", "5,000.00 元/次", "另计");
    assertThat(ProposalQuotes.model(null)).isEmpty();
  }

  @Test
  void shouldExpireAtTheStartOfTheDayAfterTheLastDayInBeijing() {
    assertThat(ProposalQuotes.timerDate(VALID_UNTIL)).isEqualTo("2026-12-16T00:00:00+08:00");
    assertThat(ProposalQuotes.storedExpiry("2026-12-16T00:00:00+08:00").toInstant())
        .isEqualTo(java.time.Instant.parse("2026-12-15T16:00:00Z"));
    assertThat(ProposalQuotes.storedExpiry(null)).isNull();
    assertThat(ProposalQuotes.storedExpiry("15.12.2026")).isNull();
  }
}
