package com.bpocontractflow.term;

import static org.assertj.core.api.Assertions.assertThat;

import com.bpocontractflow.security.FormFields;
import com.bpocontractflow.validation.InputRules;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * enter-sla-figures (onboarding enters a month's figures): every editable field of its form is checked on
 * the server, with the same ranges as the start form sla-report; the period is the task's own, read-only.
 */
class SlaFiguresEntryRulesTest {

  final InputRules rules = ServiceInputRules.forStep(ServiceTermProcess.Tasks.ENTER_SLA_FIGURES);

  static Map<String, Object> figures() {
    Map<String, Object> v = new HashMap<>();
    v.put("firstReplyOnTimePercent", "96.5");
    v.put("averageFirstReplySeconds", 40);
    v.put("resolvedOnTimePercent", "97");
    v.put("satisfactionPercent", "93");
    v.put("badReviewPercent", "0.4");
    v.put("complaints", 2);
    v.put("periodFees", "30000.00");
    return v;
  }

  @Test
  void shouldCheckEveryEditableFieldAndLeaveThePeriodReadOnly() {
    FormFields.Form form = FormFields.get().form(ServiceTermProcess.Tasks.ENTER_SLA_FIGURES).orElseThrow();
    assertThat(rules.keys()).containsAll(form.editable());
    assertThat(form.editable()).doesNotContain(ServiceTermProcess.Vars.SLA_PERIOD_START,
        ServiceTermProcess.Vars.SLA_PERIOD_END, "contractNumber");
    assertThat(rules.problems(figures())).isEmpty();
  }

  @Test
  void shouldRefuseMissingOrOutOfRangeFiguresNamingTheField() {
    Map<String, Object> v = figures();
    v.remove("periodFees");
    v.put("badReviewPercent", "101");
    v.put("complaints", -1);
    assertThat(rules.problems(v)).containsExactlyInAnyOrder("请填写「本期服务费（元）」",
        "「差评率（%）」必须是 0 到 100 之间的百分数（最多两位小数）", "「投诉数」必须是 0 到 1000000 之间的整数");
  }
}
