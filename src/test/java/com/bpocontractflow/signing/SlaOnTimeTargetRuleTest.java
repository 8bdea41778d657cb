package com.bpocontractflow.signing;

import static com.bpocontractflow.signing.ContractSigningProcess.Vars.REVISION_SUMMARY;
import static com.bpocontractflow.signing.ContractSigningProcess.Vars.SLA_ON_TIME_TARGET_PERCENT;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The share of first replies and of issues on time is a clause field (issue #11), not a server setting:
 * 50-100 %, required, 95 % in the standard template, the same rule in a revision.
 */
class SlaOnTimeTargetRuleTest {

  static final String PROBLEM = "「服务范围与标准·按时首次响应和按时解决的比例（%）」必须是 50 到 100 之间的百分数（最多两位小数）";

  @ParameterizedTest
  @ValueSource(strings = {"50", "92.5", "95", "100"})
  void shouldAcceptAShareFromFiftyToAHundredPercent(String share) {
    assertThat(SigningInputRulesTest.draftProblems(SLA_ON_TIME_TARGET_PERCENT, share)).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"49.99", "100.01", "95.555", "九十五"})
  void shouldRefuseAShareOutsideTheRangeNamingTheClauseAndField(String share) {
    assertThat(SigningInputRulesTest.draftProblems(SLA_ON_TIME_TARGET_PERCENT, share)).containsExactly(PROBLEM);

    Map<String, Object> revision = SigningInputRulesTest.validDraft();
    revision.put(SLA_ON_TIME_TARGET_PERCENT, share);
    revision.put(REVISION_SUMMARY, "调整按时比例");
    assertThat(SigningInputRules.forStep(ContractSigningProcess.Tasks.REVISE_CLAUSES).problems(revision))
        .containsExactly(PROBLEM);
  }

  @Test
  void shouldRequireTheShareAndPrefillItFromTheTemplate() {
    assertThat(SigningInputRulesTest.draftProblems(SLA_ON_TIME_TARGET_PERCENT, null))
        .containsExactly("请填写「服务范围与标准·按时首次响应和按时解决的比例（%）」");
    assertThat(ClauseRules.standardTemplate()).containsEntry(SLA_ON_TIME_TARGET_PERCENT, "95");
  }
}
