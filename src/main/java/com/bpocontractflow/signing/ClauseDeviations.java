package com.bpocontractflow.signing;

import static com.bpocontractflow.signing.ContractSigningProcess.Vars.DEPOSIT_KIND;
import static com.bpocontractflow.signing.ContractSigningProcess.Vars.DUTY_PRE_SALES;
import static com.bpocontractflow.signing.ContractSigningProcess.Vars.SETTLEMENT_CYCLE;

import com.bpocontractflow.contract.DepositKind;
import com.bpocontractflow.contract.SettlementCycle;
import com.bpocontractflow.validation.InputRules;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * What legal reads first in draft-contract and revise-clauses: each prefilled clause value that differs from
 * the standard template ({@link ClauseRules#standardTemplate()}), one zh-CN line per field, such as
 * "第一条 首次响应时效（分钟）：10（标准：5）". Only the fields the template sets are compared; the others
 * (parties, price, term, forum) have no standard and are decisions of each contract.
 */
public final class ClauseDeviations {

  /** The summary when nothing deviates. */
  public static final String NONE = "与标准模板一致";

  /** The article of the contract (templates/documents/contract.html) each rule-label prefix belongs to. */
  private static final Map<String, String> ARTICLES = Map.of(
      "服务范围与标准", "第一条",
      "费用与支付方式", "第二条",
      "数据安全与保密", "第三条",
      "违约责任与赔偿", "第四条",
      "合同期限与续签/解约", "第五条",
      "纠纷解决方式", "第六条");

  private ClauseDeviations() {
  }

  /** One line per deviating field, in the order of the contract, or {@link #NONE}. */
  public static String summary(Map<String, Object> values) {
    Map<String, String> labels = labels();
    List<String> lines = new ArrayList<>();
    ClauseRules.standardTemplate().forEach((key, standard) -> {
      Object value = values.get(key);
      if (!same(value, standard)) {
        lines.add(labels.getOrDefault(key, key) + "：" + shown(key, value) + "（标准：" + shown(key, standard) + "）");
      }
    });
    return lines.isEmpty() ? NONE : String.join("\n", lines);
  }

  /** "第一条 首次响应时效（分钟）" from the rule label "服务范围与标准·首次响应时效（分钟）". */
  private static Map<String, String> labels() {
    Map<String, String> labels = new HashMap<>();
    for (InputRules.Rule rule : ClauseRules.RULES) {
      String[] parts = rule.label().split("·", 2);
      String article = ARTICLES.get(parts[0]);
      labels.putIfAbsent(rule.key(), parts.length == 2 && article != null ? article + " " + parts[1] : rule.label());
    }
    // the rule on pre-sales is "at least one duty" and carries the duties' common label
    labels.put(DUTY_PRE_SALES, "第一条 售前咨询");
    return labels;
  }

  /** Equal as the form shows them: numbers by value ("90" and 90), texts without surrounding blanks. */
  private static boolean same(Object value, Object standard) {
    if (value == null) {
      return false;
    }
    if (standard instanceof Boolean) {
      return standard.equals(value);
    }
    BigDecimal a = InputRules.toDecimal(value);
    BigDecimal b = InputRules.toDecimal(standard);
    if (a != null && b != null) {
      return a.compareTo(b) == 0;
    }
    return String.valueOf(value).trim().equals(String.valueOf(standard).trim());
  }

  private static String shown(String key, Object value) {
    if (value == null || String.valueOf(value).isBlank()) {
      return "未填写";
    }
    if (value instanceof Boolean yes) {
      return yes ? "是" : "否";
    }
    String text = String.valueOf(value).trim();
    if (DEPOSIT_KIND.equals(key) || SETTLEMENT_CYCLE.equals(key)) {
      for (Enum<?> choice : DEPOSIT_KIND.equals(key) ? DepositKind.values() : SettlementCycle.values()) {
        if (choice.name().equals(text)) {
          return choice instanceof DepositKind kind ? kind.label() : ((SettlementCycle) choice).label();
        }
      }
    }
    return text.length() > 60 ? text.substring(0, 60) + "…" : text;
  }
}
