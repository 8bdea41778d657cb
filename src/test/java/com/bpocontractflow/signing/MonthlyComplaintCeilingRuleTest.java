package com.bpocontractflow.signing;

import static com.bpocontractflow.signing.ContractSigningProcess.Vars.MONTHLY_COMPLAINT_CEILING;
import static com.bpocontractflow.signing.ContractSigningProcess.Vars.REVISION_SUMMARY;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The monthly complaint ceiling (issue #14 item 5) is an optional breach-clause field: a whole number of
 * complaints, 0-100,000, not in the standard template; the same rule in a revision.
 */
class MonthlyComplaintCeilingRuleTest {

  static final String PROBLEM = "「违约责任与赔偿·每月投诉数上限（件）」必须是 0 到 100000 之间的整数";

  @ParameterizedTest
  @ValueSource(strings = {"0", "10", "100000"})
  void shouldAcceptAWholeNumberOfComplaints(String ceiling) {
    assertThat(SigningInputRulesTest.draftProblems(MONTHLY_COMPLAINT_CEILING, ceiling)).isEmpty();
  }

  @Test
  void shouldLeaveTheCeilingOptionalAndOutOfTheTemplate() {
    assertThat(SigningInputRulesTest.draftProblems(MONTHLY_COMPLAINT_CEILING, null)).isEmpty();
    assertThat(ClauseRules.standardTemplate()).doesNotContainKey(MONTHLY_COMPLAINT_CEILING);
  }

  @ParameterizedTest
  @ValueSource(strings = {"-1", "100001", "2.5", "十件"})
  void shouldRefuseAnythingElseNamingTheClauseAndField(String ceiling) {
    assertThat(SigningInputRulesTest.draftProblems(MONTHLY_COMPLAINT_CEILING, ceiling)).containsExactly(PROBLEM);

    Map<String, Object> revision = SigningInputRulesTest.validDraft();
    revision.put(MONTHLY_COMPLAINT_CEILING, ceiling);
    revision.put(REVISION_SUMMARY, "增加投诉上限");
    assertThat(SigningInputRules.forStep(ContractSigningProcess.Tasks.REVISE_CLAUSES).problems(revision))
        .containsExactly(PROBLEM);
  }
}
