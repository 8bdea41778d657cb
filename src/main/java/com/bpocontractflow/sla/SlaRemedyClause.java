package com.bpocontractflow.sla;

import com.bpocontractflow.mail.MerchantMailer;
import com.bpocontractflow.settlement.Money;
import com.bpocontractflow.validation.InputRules;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;

/**
 * The contract's remedies for missed service levels (第四条), worded from the rows of the
 * {@code sla-compensation} version the contract was signed with and the amounts of its breach clause:
 * which shortfall gives which remedy, in the table's order (hit policy FIRST: the first row that fits
 * applies), each remedy with its unit, and no remedy of zero. The SLA review proposes, and its statement
 * cites, the same item, so the contract, the decision and the statement say the same thing.
 */
public final class SlaRemedyClause {

  /** The KPIs counted by {@code missedKpis}: first replies, resolution, satisfaction, bad reviews. */
  public static final int KPI_COUNT = 4;

  private static final String[] COUNTS = {"零", "一", "两", "三", "四", "五", "六", "七", "八", "九", "十"};
  private static final String[] ITEM_NUMBERS = {"一", "二", "三", "四", "五", "六", "七", "八", "九", "十"};

  /** What a remedy means under these clauses: 0 where the remedy does not include it or the clause sets 0. */
  public record Amounts(BigDecimal feeReductionPercent, long freeExtensionDays, BigDecimal penalty) {

    public static Amounts of(SlaRemedy remedy, Map<String, Object> clauses) {
      BigDecimal percent = remedy.feeReduction() ? decimal(clauses.get("slaFeeReductionPercent")) : BigDecimal.ZERO;
      Long days = remedy.freeExtension() ? InputRules.toWholeNumber(clauses.get("slaFreeExtensionDays")) : null;
      BigDecimal penalty = remedy.penalty() ? decimal(clauses.get("slaPenalty")) : BigDecimal.ZERO;
      return new Amounts(percent.stripTrailingZeros(), days == null ? 0 : days, Money.yuan(penalty));
    }

    /** The remedy in the contract's words, with units; what is zero is left out. */
    public List<String> parts() {
      List<String> parts = new ArrayList<>();
      if (feeReductionPercent.signum() > 0) {
        parts.add("当期服务费减免 " + feeReductionPercent.toPlainString() + "%");
      }
      if (freeExtensionDays > 0) {
        parts.add("乙方免费延长服务 " + freeExtensionDays + " 天");
      }
      if (penalty.signum() > 0) {
        parts.add("乙方向甲方支付违约金人民币 " + MerchantMailer.yuan(penalty) + " 元");
      }
      return parts;
    }
  }

  /**
   * One item of the clause: its number ("（二）", empty when the clause has a single rule), the shortfall it
   * covers, the remedy's words, and the table's rows it states.
   */
  public record Item(String number, String condition, List<String> remedy, List<SlaRemedyTable.Row> rows) {

    /** How the statement names the item. */
    public String citation() {
      return "合同第四条（服务未达标的责任）" + (number.isEmpty() ? "" : "第" + number + "项") + "：" + condition + "，"
          + (remedy.isEmpty() ? "乙方不承担本项责任" : String.join("，", remedy));
    }
  }

  private final List<Item> items;
  private final boolean single;
  private final boolean mentionsShortfall;

  private SlaRemedyClause(List<Item> items, boolean single, boolean mentionsShortfall) {
    this.items = items;
    this.single = single;
    this.mentionsShortfall = mentionsShortfall;
  }

  public List<Item> items() {
    return items;
  }

  /** The clause's words for this table and these clauses. */
  public static SlaRemedyClause of(SlaRemedyTable table, Map<String, Object> clauses) {
    List<SlaRemedyTable.Row> rows = table.rows();
    List<List<String>> parts = rows.stream().map(row -> Amounts.of(row.remedy(), clauses).parts()).toList();
    int last = -1;
    for (int i = 0; i < rows.size(); i++) {
      if (!parts.get(i).isEmpty()) {
        last = i;
      }
    }
    // rows after the last one with a remedy are left out: a case they take matched no row stated before
    // them; rows that only take "all met" are no shortfall; a row without remedy before one with a remedy
    // is stated, since it takes cases the later rows would otherwise seem to cover
    List<List<SlaRemedyTable.Row>> groups = new ArrayList<>();
    List<List<String>> groupParts = new ArrayList<>();
    for (int i = 0; i <= last; i++) {
      SlaRemedyTable.Row row = rows.get(i);
      if (parts.get(i).isEmpty() && onlyAllMet(row)) {
        continue;
      }
      if (!groups.isEmpty() && groupParts.get(groups.size() - 1).equals(parts.get(i))) {
        groups.get(groups.size() - 1).add(row);
      } else {
        groups.add(new ArrayList<>(List.of(row)));
        groupParts.add(parts.get(i));
      }
    }
    boolean single = groups.size() == 1 && coversEveryShortfall(table, groups.get(0));
    boolean shortfall = groups.stream().flatMap(List::stream).anyMatch(row -> !row.worstShortfall().any());
    List<Item> items = new ArrayList<>();
    for (int g = 0; g < groups.size(); g++) {
      String condition = single ? "任一指标未达标"
          : String.join("，或者", groups.get(g).stream().map(SlaRemedyClause::condition).toList());
      items.add(new Item(single ? "" : "（" + ITEM_NUMBERS[Math.min(g, ITEM_NUMBERS.length - 1)] + "）", condition,
          groupParts.get(g), List.copyOf(groups.get(g))));
    }
    return new SlaRemedyClause(List.copyOf(items), single, shortfall);
  }

  /** Whether the clause states any remedy at all. */
  public boolean any() {
    return items.stream().anyMatch(item -> !item.remedy().isEmpty());
  }

  /** The item that states the row the table picks for these inputs (the statement cites it). */
  public Optional<Item> itemFor(SlaRemedyTable.Row row) {
    return items.stream().filter(item -> item.rows().contains(row)).findFirst();
  }

  /** The clause's sentence, or null when the contract sets no remedy. */
  public String text() {
    if (!any()) {
      return null;
    }
    String opening = "乙方某一结算周期的服务未达到第一条约定标准的";
    if (single) {
      return opening + "，" + String.join("，", items.get(0).remedy()) + "。";
    }
    StringBuilder text = new StringBuilder(opening).append("，按下列情形中最先符合的一项承担责任");
    text.append("（指标指第一条约定的首次响应、问题解决、客户满意度、差评率四项");
    if (mentionsShortfall) {
      text.append("；差距指一项指标的实际值低于约定标准的百分点数，差评率为高于约定上限的百分点数");
    }
    text.append("）：");
    for (int i = 0; i < items.size(); i++) {
      Item item = items.get(i);
      text.append(item.number()).append(item.condition()).append("的，")
          .append(item.remedy().isEmpty() ? "乙方不承担本项责任" : String.join("，", item.remedy()))
          .append(i == items.size() - 1 ? "。" : "；");
    }
    return text.toString();
  }

  private static boolean onlyAllMet(SlaRemedyTable.Row row) {
    SlaRemedyTable.Test missed = row.missedKpis();
    return (missed.op().equals("EQ") || missed.op().equals("LE")) && missed.a().signum() == 0
        || missed.op().equals("LT") && missed.a().compareTo(BigDecimal.ONE) <= 0;
  }

  /**
   * Whether every shortfall (1 to 4 KPIs missed, any worst shortfall from 0 to 100 points) is decided by a
   * row of this group: then "任一指标未达标" says the same as the rows. The tests are intervals, so their
   * bounds, points just beside them and the ends are every case there is to check.
   */
  private static boolean coversEveryShortfall(SlaRemedyTable table, List<SlaRemedyTable.Row> group) {
    TreeSet<BigDecimal> points = new TreeSet<>(List.of(BigDecimal.ZERO, new BigDecimal("100")));
    BigDecimal step = new BigDecimal("0.001");
    for (SlaRemedyTable.Row row : table.rows()) {
      for (BigDecimal bound : new BigDecimal[] {row.worstShortfall().a(), row.worstShortfall().b()}) {
        if (bound != null) {
          points.addAll(List.of(bound, bound.subtract(step), bound.add(step)));
        }
      }
    }
    for (int missed = 1; missed <= KPI_COUNT; missed++) {
      for (BigDecimal shortfall : points) {
        if (shortfall.signum() < 0 || shortfall.compareTo(new BigDecimal("100")) > 0) {
          continue;
        }
        Optional<SlaRemedyTable.Row> first = table.firstMatch(missed, shortfall);
        if (first.isEmpty() || !group.contains(first.get())) {
          return false;
        }
      }
    }
    return true;
  }

  /** A row's test in words: how many KPIs missed, and how far the worst one. */
  static String condition(SlaRemedyTable.Row row) {
    String missed = missed(row.missedKpis());
    String shortfall = shortfall(row.worstShortfall());
    if (missed == null && shortfall == null) {
      return "其他未达标情形";
    }
    return missed == null ? shortfall : shortfall == null ? missed : missed + "，且" + shortfall;
  }

  private static String missed(SlaRemedyTable.Test test) {
    return switch (test.op()) {
      case "ANY" -> null;
      case "EQ" -> count(test.a()) + "项指标未达标";
      case "GE" -> count(test.a()) + "项及以上指标未达标";
      case "GT" -> count(test.a().setScale(0, RoundingMode.FLOOR).add(BigDecimal.ONE)) + "项及以上指标未达标";
      case "LE" -> "未达标的指标不超过" + count(test.a()) + "项";
      case "LT" -> "未达标的指标少于" + count(test.a()) + "项";
      case "RANGE" -> count(test.a()) + "至" + count(test.b()) + "项指标未达标";
      default -> throw new IllegalStateException(test.op());
    };
  }

  private static String shortfall(SlaRemedyTable.Test test) {
    return switch (test.op()) {
      case "ANY" -> null;
      case "EQ" -> "各项指标中最大的差距为 " + points(test.a()) + " 个百分点";
      case "GE" -> "任一指标的差距达到或超过 " + points(test.a()) + " 个百分点";
      case "GT" -> "任一指标的差距超过 " + points(test.a()) + " 个百分点";
      case "LE" -> "各项指标的差距均不超过 " + points(test.a()) + " 个百分点";
      case "LT" -> "各项指标的差距均不足 " + points(test.a()) + " 个百分点";
      case "RANGE" -> "各项指标中最大的差距在 " + points(test.a()) + " 至 " + points(test.b()) + " 个百分点之间";
      default -> throw new IllegalStateException(test.op());
    };
  }

  private static String count(BigDecimal n) {
    int value = n.intValue();
    return value >= 0 && value < COUNTS.length && n.compareTo(BigDecimal.valueOf(value)) == 0 ? COUNTS[value]
        : n.stripTrailingZeros().toPlainString() + " ";
  }

  private static String points(BigDecimal n) {
    return n.stripTrailingZeros().toPlainString();
  }

  private static BigDecimal decimal(Object value) {
    BigDecimal d = InputRules.toDecimal(value);
    return d == null ? BigDecimal.ZERO : d;
  }
}
