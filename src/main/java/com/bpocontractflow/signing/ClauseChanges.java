package com.bpocontractflow.signing;

import com.bpocontractflow.contract.EnumLabels;
import static com.bpocontractflow.signing.ContractSigningProcess.Vars.*;

import com.bpocontractflow.contract.BillingModel;
import com.bpocontractflow.contract.DepositHandling;
import com.bpocontractflow.contract.DepositKind;
import com.bpocontractflow.contract.DisputeForum;
import com.bpocontractflow.contract.ServiceHours;
import com.bpocontractflow.contract.SettlementCycle;
import com.bpocontractflow.mail.MerchantMailer;
import com.bpocontractflow.validation.InputRules;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;

/** What changed in the six clauses between two versions: clause, field, old value, new value (in zh-CN). */
public final class ClauseChanges {

  /** One changed field. */
  public record Change(String clause, String field, String before, String after) {
    public String line() {
      return "【" + clause + "】" + field + "：" + before + " → " + after;
    }
  }

  /** Field key -> "clause·field", in the order of the contract. */
  static final Map<String, String> LABELS = labels();

  private static final Map<String, Function<Object, String>> ENUM_LABELS = Map.of(
      SERVICE_HOURS, v -> EnumLabels.label(v, ServiceHours::valueOf, ServiceHours::label),
      BILLING_MODEL, v -> EnumLabels.label(v, BillingModel::valueOf, BillingModel::label),
      DEPOSIT_HANDLING, v -> EnumLabels.label(v, DepositHandling::valueOf, DepositHandling::label),
      DEPOSIT_KIND, v -> EnumLabels.label(v, DepositKind::valueOf, DepositKind::label),
      SETTLEMENT_CYCLE, v -> EnumLabels.label(v, SettlementCycle::valueOf, SettlementCycle::label),
      DISPUTE_FORUM, v -> EnumLabels.label(v, DisputeForum::valueOf, DisputeForum::label));

  private ClauseChanges() {
  }

  public static List<Change> between(Map<String, Object> before, Map<String, Object> after) {
    List<Change> changes = new ArrayList<>();
    LABELS.forEach((key, label) -> {
      Object old = before.get(key);
      Object now = after.get(key);
      if (!same(old, now)) {
        int dot = label.indexOf('·');
        changes.add(new Change(label.substring(0, dot), label.substring(dot + 1), show(key, old), show(key, now)));
      }
    });
    return changes;
  }

  /** The changes as lines for a form, or a sentence saying there are none. */
  public static String describe(List<Change> changes) {
    if (changes.isEmpty()) {
      return "与上一轮相比条款没有变化";
    }
    return String.join("\n", changes.stream().map(Change::line).toList());
  }

  private static boolean same(Object a, Object b) {
    BigDecimal x = a instanceof Boolean ? null : InputRules.toDecimal(a);
    BigDecimal y = b instanceof Boolean ? null : InputRules.toDecimal(b);
    if (x != null && y != null) {
      return x.compareTo(y) == 0;
    }
    return Objects.equals(normal(a), normal(b));
  }

  private static Object normal(Object value) {
    if (value instanceof String s) {
      return s.isBlank() ? null : s.trim();
    }
    return value;
  }

  private static String show(String key, Object value) {
    if (normal(value) == null) {
      return "（空）";
    }
    if (value instanceof Boolean b) {
      return b ? "是" : "否";
    }
    Function<Object, String> label = ENUM_LABELS.get(key);
    if (label != null) {
      try {
        return label.apply(value);
      } catch (IllegalArgumentException e) {
        return value.toString();
      }
    }
    return value.toString().trim();
  }

  private static Map<String, String> labels() {
    Map<String, String> labels = new LinkedHashMap<>();
    for (InputRules.Rule rule : ClauseRules.RULES) {
      String label = rule.label();
      if (!label.contains("·")) {
        label = "费用与支付方式·" + label; // the deposit's fields belong to the fees clause
      }
      labels.putIfAbsent(rule.key(), label);
    }
    labels.put(DUTY_PRE_SALES, "服务范围与标准·售前咨询"); // its rule is the at-least-one-duty rule
    labels.put(SEATS, "服务范围与标准·客服座席数"); // recorded with the clauses; an input of proposal-approval
    return labels;
  }
}
