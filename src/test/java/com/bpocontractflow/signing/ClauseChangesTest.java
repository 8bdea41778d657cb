package com.bpocontractflow.signing;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** Differences between two versions of the clauses, as the review form shows them. */
class ClauseChangesTest {

  static Map<String, Object> template() {
    Map<String, Object> clauses = new HashMap<>(ClauseRules.standardTemplate());
    clauses.put("unitPrice", "6000.00");
    clauses.put("billingModel", "PER_SEAT");
    clauses.put("disputeForum", "ARBITRATION");
    clauses.put("forumVenue", "杭州仲裁委员会");
    return clauses;
  }

  @Test
  void shouldNameClauseFieldOldAndNewValueInZhCn() {
    Map<String, Object> after = template();
    after.put("unitPrice", "5800");
    after.put("billingModel", "FIXED_MONTHLY");
    after.put("holidayCoverage", false);
    after.put("forumVenue", "上海仲裁委员会");

    assertThat(ClauseChanges.between(template(), after)).extracting(ClauseChanges.Change::line).containsExactly(
        "【服务范围与标准】节假日值守：是 → 否",
        "【费用与支付方式】计费方式：按座席计费 → 固定月费",
        "【费用与支付方式】单价（元）：6000.00 → 5800",
        "【纠纷解决方式】仲裁委员会或人民法院名称：杭州仲裁委员会 → 上海仲裁委员会");
  }

  @Test
  void shouldTreatTheSameNumberWrittenDifferentlyAndBlankTextAsUnchanged() {
    Map<String, Object> after = template();
    after.put("unitPrice", "6000");
    after.put("satisfactionTarget", 90);
    after.put("dataRetunDaysTypo", "ignored: not a clause field");
    Map<String, Object> before = template();
    before.put("negotiationChannel", "  双方指定联系人以电子邮件书面协商 ");

    assertThat(ClauseChanges.between(before, after)).isEmpty();
    assertThat(ClauseChanges.describe(ClauseChanges.between(before, after))).isEqualTo("与上一轮相比条款没有变化");
  }

  @Test
  void shouldNameEveryValueTheProposalApprovalDependsOnSoThatAChangeToItIsSeen() {
    assertThat(ClauseChanges.LABELS).containsKeys(ProposalFacts.INPUTS.toArray(String[]::new));
    Map<String, Object> approved = new HashMap<>(Map.of("unitPrice", "6000.00", "seats", 5L, "termMonths", 12L));
    Map<String, Object> now = new HashMap<>(approved);
    now.put("seats", 8L);
    now.put("forumVenue", "上海仲裁委员会"); // not a value the approval depends on

    assertThat(ApprovalTerms.changes(approved, now)).extracting(ClauseChanges.Change::line)
        .containsExactly("【服务范围与标准】客服座席数：5 → 8");
  }

  @Test
  void shouldShowAFieldThatWasAddedOrRemoved() {
    Map<String, Object> before = template();
    before.remove("dataReturnDays");
    Map<String, Object> after = template();
    after.put("extraFees", "");

    assertThat(ClauseChanges.between(before, after)).extracting(ClauseChanges.Change::line).containsExactly(
        "【费用与支付方式】额外费用：无 → （空）",
        "【数据安全与保密】合同终止后返还或删除数据的期限（天）：（空） → 30");
  }
}
