package com.bpocontractflow.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** How an engine error answer is turned into what the person who sent the request should read. */
class ApiErrorsTest {

  static Map<String, Object> body(String type, String message) {
    return Map.of("type", type, "message", message, "code", 0);
  }

  @Test
  void shouldAnswerATaskSomeoneElseCompletedWith404() {
    ApiErrors.Answer answer = ApiErrors.classify(500, body("RestException",
        "Cannot complete task 6b678935-ecb1-11f1-af4d-02fc00000001: Cannot find task with id "
            + "6b678935-ecb1-11f1-af4d-02fc00000001: task is null"), "ref1");
    assertThat(answer.status()).isEqualTo(404);
    assertThat(answer.body()).containsEntry("message", "该任务已由他人处理或已不存在，请刷新任务列表");
    assertThat(answer.logAsServerError()).isFalse();
  }

  @Test
  void shouldAnswerAClashWithATimerWith409() {
    ApiErrors.Answer answer = ApiErrors.classify(500, body("OptimisticLockingException",
        "ENGINE-03005 Execution of 'UPDATE ExecutionEntity[4711]' failed. Entity was updated by another transaction "
            + "concurrently."), "ref2");
    assertThat(answer.status()).isEqualTo(409);
    assertThat(answer.body()).containsEntry("message", "该合同刚被他人或系统（例如到期的提醒）更新，请刷新页面后重试");
  }

  @Test
  void shouldRefuseSerializedOrUnknownVariableTypesWith400() {
    for (String message : List.of(
        "Cannot submit task form 6c33b315-ecb1-11f1-af4d-02fc00000001: ENGINE-17007 Cannot set variable with name "
            + "proposalDecision. Java serialization format is prohibited",
        "Cannot submit task form 6c33b315-ecb1-11f1-af4d-02fc00000001: Cannot find serializer for value 'ObjectValue "
            + "[value=null, isDeserialized=false, serializationDataFormat=application/unknown]'.")) {
      ApiErrors.Answer answer = ApiErrors.classify(500, body("RestException", message), "ref3");
      assertThat(answer.status()).isEqualTo(400);
      assertThat(answer.body()).containsEntry("message", "不接受此类变量：只能提交文字、数字、布尔值或日期");
    }
  }

  @Test
  void shouldAnswerARacingDuplicateWith409AndNoSql() {
    ApiErrors.Answer answer = ApiErrors.classify(500, body("ProcessEngineException",
        "### Error updating database. Cause: org.h2.jdbc.JdbcSQLIntegrityConstraintViolationException: Unique index or "
            + "primary key violation: \"PUBLIC.UK_DEPOSIT_PAYMENT_REFERENCE\" SQL: INSERT INTO deposit_payment ..."),
        "ref4");
    assertThat(answer.status()).isEqualTo(409);
    assertThat(answer.body().toString()).doesNotContain("INSERT", "deposit_payment", "UK_DEPOSIT");
  }

  @Test
  void shouldListRefusedFormInputOnePerLineWithoutCamundasPrefix() {
    ApiErrors.Answer answer = ApiErrors.classify(400, body("RestException",
        "Cannot submit task form 6c33b315-ecb1-11f1-af4d-02fc00000001: 输入有误：请填写「商家答复」；「修改意见」至少需要 2 个字"),
        "ref5");
    assertThat(answer.status()).isEqualTo(400);
    assertThat(answer.body()).containsEntry("message", "请填写「商家答复」\n「修改意见」至少需要 2 个字")
        .containsEntry("problems", List.of("请填写「商家答复」", "「修改意见」至少需要 2 个字"))
        .containsEntry("type", "InvalidInputException");
  }

  @Test
  void shouldHideTheInternalsOfARealServerErrorBehindAReference() {
    ApiErrors.Answer answer = ApiErrors.classify(500, body("ProcessEngineException",
        "ENGINE-03004 Exception while executing Database Operation 'SELECT * FROM ACT_RU_TASK': connection refused"),
        "c0ffee12");
    assertThat(answer.status()).isEqualTo(500);
    assertThat(answer.logAsServerError()).isTrue();
    assertThat((String) answer.body().get("message")).contains("错误编号 c0ffee12").doesNotContain("SELECT", "ENGINE");
  }

  @Test
  void shouldSayCamundasEnglishClientErrorsInChineseAndKeepTheDetail() {
    ApiErrors.Answer answer = ApiErrors.classify(403, body("AuthorizationException",
        "The user with id 'sales' does not have 'UPDATE' permission on resource 'x' of type 'Task'."), "ref6");
    assertThat(answer.status()).isEqualTo(403);
    assertThat(answer.body()).containsEntry("message", "您没有执行此操作的权限")
        .containsEntry("detail", "The user with id 'sales' does not have 'UPDATE' permission on resource 'x' of type 'Task'.")
        .containsEntry("type", "AuthorizationException");
    // an answer that is already in Chinese stays as it is
    assertThat(ApiErrors.classify(400, body("InvalidInputException", "输入有误：请填写「合同编号」"), "r").body()).isNotNull();
    assertThat(ApiErrors.classify(400, Map.of("type", "X", "message", "「合同编号」不存在"), "r").body()).isNull();
  }
}
