package com.bpocontractflow.signing;

import static com.bpocontractflow.signing.ContractSigningProcess.Tasks.ESCALATE_DEPOSIT;
import static com.bpocontractflow.signing.ContractSigningProcess.Tasks.REVIEW_OVERDUE_SIGNING;
import static com.bpocontractflow.signing.ContractSigningProcess.Vars.*;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The escalation form's rules: each action with the fields it needs, refused in zh-CN otherwise. */
class EscalationRulesTest {

  static List<String> problems(String task, Object... fields) {
    Map<String, Object> values = SigningTestData.vars(fields);
    values.put(ESCALATION_ACTION, "已电话联系商家");
    return SigningInputRules.forStep(task).problems(values);
  }

  @Test
  void shouldOnlyRecordTheNoteWithoutAChoiceAsBefore() {
    assertThat(problems(ESCALATE_DEPOSIT)).isEmpty();
    assertThat(problems(ESCALATE_DEPOSIT, ESCALATION_CHOICE, "RECORD")).isEmpty();
    assertThat(problems(ESCALATE_DEPOSIT, ESCALATION_CHOICE, "REMIND")).isEmpty();
  }

  @Test
  void shouldAcceptEachActionWithItsField() {
    assertThat(problems(ESCALATE_DEPOSIT, ESCALATION_CHOICE, "EXTEND", EXTEND_WORKING_DAYS, 5L)).isEmpty();
    assertThat(problems(ESCALATE_DEPOSIT, ESCALATION_CHOICE, "REASSIGN", REASSIGN_TO, "finance2")).isEmpty();
    assertThat(problems(REVIEW_OVERDUE_SIGNING, ESCALATION_CHOICE, "CANCEL", CANCELLATION_REASON, "商家长期未回应"))
        .isEmpty();
  }

  @ParameterizedTest
  @CsvSource({
      "EXTEND, 请填写「延长的工作日数」",
      "REASSIGN, 请填写「转交给（用户名）」",
      "CANCEL, 请填写「取消原因」"})
  void shouldRefuseAnActionWithoutTheFieldItNeeds(String choice, String problem) {
    assertThat(problems(ESCALATE_DEPOSIT, ESCALATION_CHOICE, choice)).containsExactly(problem);
  }

  @Test
  void shouldRefuseAnUnknownChoiceAndAnExtensionOutOfRange() {
    assertThat(problems(ESCALATE_DEPOSIT, ESCALATION_CHOICE, "IGNORE"))
        .containsExactly("「处理方式」必须是以下之一：CANCEL、EXTEND、REASSIGN、RECORD、REMIND");
    assertThat(problems(ESCALATE_DEPOSIT, ESCALATION_CHOICE, "EXTEND", EXTEND_WORKING_DAYS, 0L))
        .containsExactly("「延长的工作日数」必须是 1 到 30 之间的整数");
    assertThat(problems(ESCALATE_DEPOSIT, ESCALATION_CHOICE, "CANCEL", CANCELLATION_REASON, "无"))
        .containsExactly("「取消原因」至少需要 2 个字");
  }
}
