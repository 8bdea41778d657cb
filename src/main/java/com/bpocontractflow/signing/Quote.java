package com.bpocontractflow.signing;

import static com.bpocontractflow.signing.ContractSigningProcess.Vars.*;

import com.bpocontractflow.contract.BillingModel;
import com.bpocontractflow.contract.PeakPeriod;
import com.bpocontractflow.settlement.Money;
import com.bpocontractflow.validation.InputRules;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.math.BigDecimal;
import java.math.MathContext;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * The itemised quote of a proposal, computed in this one place from the proposal's values: the service fee
 * of the billing model (seats × unit price per month; for volume billing an estimate from the expected daily
 * inquiries or orders × 30 days), holiday cover when the proposal includes statutory holidays, the extra
 * seats of each peak period at their price, and the extra fees the proposal names (as the contract's fee
 * clause will: charged when incurred, not in the total). Then the monthly total, the peak total, the deposit
 * and the last day the quote may be accepted.
 *
 * <p>Sent with a validity date the quote is an offer with a fixed period for acceptance: it binds the
 * provider until then and lapses when not accepted in time (Civil Code arts. 473, 476 (1), 481; a price
 * list alone would be an invitation to offer, art. 473). Amounts are {@link Money}: each line rounded once,
 * half up, to the fen; totals add the rounded lines, so the figures shown always add up.
 */
public record Quote(List<Line> lines, BigDecimal monthlyTotal, BigDecimal peakTotal, BigDecimal deposit,
    LocalDate validUntil) {

  /** Days a month's estimate counts for volume billing. */
  static final int DAYS_PER_MONTH = 30;

  private static final ObjectMapper JSON = JsonMapper.builder().findAndAddModules()
      .disable(com.fasterxml.jackson.databind.SerializationFeature.WRITE_DATES_AS_TIMESTAMPS).build();
  private static final Pattern FEE_ITEMS = Pattern.compile("[；;\\r\\n]+");

  /** What a line is charged for: every month, once per peak period, or when incurred (amount null). */
  public enum Kind {
    MONTHLY, PEAK, EXTRA
  }

  /** One line: what it is (zh-CN), how it is computed (zh-CN), and its amount in CNY (null for an extra fee). */
  public record Line(Kind kind, String item, String basis, BigDecimal amount) {
  }

  /** The quote for a proposal's values (as the process or draft-proposal holds them), valid until the day given. */
  public static Quote of(Map<String, Object> values, LocalDate validUntil) {
    List<Line> lines = new ArrayList<>();
    BillingModel model = BillingModel.valueOf((String) values.get(BILLING_MODEL));
    BigDecimal price = InputRules.toDecimal(values.get(UNIT_PRICE));
    String unit = Money.text(price);
    lines.add(switch (model) {
      case PER_SEAT -> {
        long seats = whole(values.get(SEATS));
        yield monthly("客服座席服务费", seats + " 个座席 × " + unit + " 元/座席/月", price.multiply(BigDecimal.valueOf(seats)));
      }
      case FIXED_MONTHLY -> monthly("固定月费", "每月 " + unit + " 元", price);
      case FIXED_YEARLY -> monthly("固定年费（按月折算）", "年费 " + unit + " 元 ÷ 12 个月",
          price.divide(BigDecimal.valueOf(12), MathContext.DECIMAL64));
      case PER_INQUIRY -> volume("咨询服务费（预估）", whole(values.get(DAILY_INQUIRIES)), "次咨询", "元/次", unit, price);
      case PER_ORDER -> volume("订单服务费（预估）", whole(values.get(DAILY_ORDERS)), "单", "元/单", unit, price);
    });
    if (Boolean.TRUE.equals(values.get(HOLIDAY_COVERAGE))) {
      BigDecimal fee = InputRules.toDecimal(values.get(HOLIDAY_COVER_FEE));
      lines.add(fee == null || fee.signum() == 0
          ? new Line(Kind.MONTHLY, "法定节假日值守", "已含在服务费中", Money.ZERO)
          : monthly("法定节假日值守", "每月 " + Money.text(fee) + " 元", fee));
    }
    BigDecimal peakPrice = InputRules.toDecimal(values.get(PEAK_SEAT_PRICE));
    for (PeakPeriod peak : PeakPeriod.values()) {
      long seats = whole(values.get(peak.variable()));
      if (seats > 0) {
        lines.add(new Line(Kind.PEAK, peak.label() + "临时加座",
            seats + " 个座席 × " + Money.text(peakPrice) + " 元/座席（每次活动期）",
            Money.yuan(peakPrice.multiply(BigDecimal.valueOf(seats)))));
      }
    }
    for (String fee : extraFees(values.get(EXTRA_FEES))) {
      lines.add(extraFee(fee));
    }
    BigDecimal deposit = InputRules.toDecimal(values.get(DEPOSIT_AMOUNT));
    return new Quote(List.copyOf(lines), total(lines, Kind.MONTHLY), total(lines, Kind.PEAK),
        Money.yuan(deposit == null ? BigDecimal.ZERO : deposit), validUntil);
  }

  /** The lines of one kind. */
  public List<Line> lines(Kind kind) {
    return lines.stream().filter(line -> line.kind() == kind).toList();
  }

  /**
   * As stored in the process variable {@code quote} (JSON text). The extra fees are stored as their items'
   * text, not as lines: a string variable holds at most 4,000 characters, and the fee clause's 1,000
   * characters could make many short lines; the figures (monthly and peak lines, totals) are at most a few
   * hundred characters.
   */
  public String toJson() {
    try {
      return JSON.writeValueAsString(new Stored(lines.stream().filter(line -> line.kind() != Kind.EXTRA).toList(),
          String.join("；", lines(Kind.EXTRA).stream().map(Line::item).toList()), monthlyTotal, peakTotal, deposit,
          validUntil));
    } catch (JsonProcessingException e) {
      throw new IllegalStateException("quote not serialisable", e);
    }
  }

  public static Quote fromJson(String json) {
    try {
      Stored stored = JSON.readValue(json, Stored.class);
      List<Line> lines = new ArrayList<>(stored.lines());
      extraFees(stored.extraFees()).forEach(fee -> lines.add(extraFee(fee)));
      return new Quote(List.copyOf(lines), stored.monthlyTotal(), stored.peakTotal(), stored.deposit(),
          stored.validUntil());
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("not a stored quote", e);
    }
  }

  /** The stored form: the lines with amounts, and the extra fees' items joined by "；". */
  record Stored(List<Line> lines, String extraFees, BigDecimal monthlyTotal, BigDecimal peakTotal,
      BigDecimal deposit, LocalDate validUntil) {
  }

  private static Line extraFee(String fee) {
    return new Line(Kind.EXTRA, fee, "按实际发生计收，以合同费用条款为准", null);
  }

  /** The named items of the extra fees ("无" or blank: none), split where the fee clause separates them. */
  static List<String> extraFees(Object text) {
    if (!(text instanceof String s) || InputRules.isBlank(s) || s.strip().replaceAll("[。.]$", "").equals("无")) {
      return List.of();
    }
    return FEE_ITEMS.splitAsStream(s).map(String::strip).map(item -> item.replaceAll("[。.]$", ""))
        .filter(item -> !InputRules.isBlank(item)).toList();
  }

  private static Line monthly(String item, String basis, BigDecimal amount) {
    return new Line(Kind.MONTHLY, item, basis, Money.yuan(amount));
  }

  private static Line volume(String item, long daily, String what, String per, String unit, BigDecimal price) {
    return monthly(item, "预计每日 " + daily + " " + what + " × " + DAYS_PER_MONTH + " 天 × " + unit + " " + per
        + "，按实际量结算", price.multiply(BigDecimal.valueOf(daily * DAYS_PER_MONTH)));
  }

  private static BigDecimal total(List<Line> lines, Kind kind) {
    return lines.stream().filter(line -> line.kind() == kind).map(Line::amount)
        .reduce(Money.ZERO, BigDecimal::add);
  }

  private static long whole(Object value) {
    Long number = InputRules.toWholeNumber(value);
    return number == null ? 0 : number;
  }
}
