package com.bpocontractflow.document;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** The merchant's feedback split into comments by clause. */
class ReviewRoundsTest {

  @Test
  void shouldSplitFeedbackByTheClauseLeadingEachLine() {
    assertThat(ReviewRounds.byClause("""
        【费用与支付方式】单价偏高
        希望按季度结算
        【纠纷解决方式】请写明仲裁委员会的名称
        """)).containsExactly(
        java.util.Map.entry("费用与支付方式", "单价偏高\n希望按季度结算"),
        java.util.Map.entry("纠纷解决方式", "请写明仲裁委员会的名称"));
  }

  @Test
  void shouldKeepFeedbackWithoutAClauseAsGeneral() {
    assertThat(ReviewRounds.byClause("整体没问题，但请把违约金写清楚")).containsExactly(
        java.util.Map.entry(ReviewRounds.GENERAL, "整体没问题，但请把违约金写清楚"));
    assertThat(ReviewRounds.byClause("  ")).isEmpty();
    assertThat(ReviewRounds.byClause(null)).isEmpty();
  }
}
