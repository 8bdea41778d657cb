package com.bpocontractflow.signing;

import org.camunda.bpm.engine.impl.util.ClockUtil;
import java.util.Date;
import java.time.Duration;
import static com.bpocontractflow.signing.ContractSigningProcess.Tasks.*;
import static com.bpocontractflow.signing.SigningTestData.*;
import static org.assertj.core.api.Assertions.assertThat;

import com.bpocontractflow.contract.ContractRepository;
import com.bpocontractflow.contract.ContractStatus;
import com.bpocontractflow.mail.MailOutbox;
import com.bpocontractflow.signing.ContractSigningProcess.Vars;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.runtime.Job;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpStatus;

/**
 * The escalation actions as a manager takes them in Tasklist (the engine's REST API, with its guards and
 * authorizations): hand-over within the team, another reminder, a longer wait, then the provider's
 * cancellation once its quote's acceptance period is over; bad input is a 400 in zh-CN and changes nothing.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "spring.datasource.url=jdbc:h2:mem:escalation-actions-test;DB_CLOSE_DELAY=-1",
    "bpo.mail.sender-enabled=false",
    "camunda.bpm.job-execution.enabled=false"})
class EscalationActionsApplicationTest {

  @Autowired
  TestRestTemplate anonymous;
  @Autowired
  ContractRepository contracts;
  @Autowired
  MailOutbox outbox;
  @Autowired
  ManagementService managementService;
  @Autowired
  TaskService taskService;

  Job escalationJob(SigningRest.Started contract) {
    return managementService.createJobQuery().processInstanceId(contract.processInstanceId())
        .activityId(WaitingFor.PROPOSAL_ANSWER.escalationTimerId()).singleResult();
  }

  Map<String, Object> action(EscalationChoice choice, Object... fields) {
    Map<String, Object> values = vars(fields);
    values.putAll(escalationHandled());
    values.put(Vars.ESCALATION_CHOICE, choice.name());
    return values;
  }

  List<?> refused(SigningRest rest, SigningRest.Started contract, Map<String, Object> values) {
    return (List<?>) rest.as("manager").post("/task/" + rest.taskId(contract, ESCALATE_PROPOSAL_ANSWER) + "/complete",
        Map.of("variables", SigningRest.typed(values)), HttpStatus.BAD_REQUEST).get("problems");
  }

  SigningRest.Started escalated(SigningRest rest) {
    SigningRest.Started contract = rest.start(request());
    rest.complete(contract, DRAFT_PROPOSAL, proposal("5000.00"));
    managementService.executeJob(escalationJob(contract).getId());
    assertThat(rest.taskKeys(contract)).containsExactlyInAnyOrder(CONFIRM_PROPOSAL, ESCALATE_PROPOSAL_ANSWER);
    return contract;
  }

  @Test
  void shouldExtendTheWaitThenHandTheAnswerOverWithinTheTeam() {
    SigningRest rest = new SigningRest(anonymous);
    SigningRest.Started contract = escalated(rest);

    assertThat(refused(rest, contract, action(EscalationChoice.EXTEND)))
        .anySatisfy(p -> assertThat((String) p).contains("延长的工作日数"));
    rest.complete(contract, ESCALATE_PROPOSAL_ANSWER, action(EscalationChoice.EXTEND, Vars.EXTEND_WORKING_DAYS, 2));
    managementService.executeJob(escalationJob(contract).getId());
    assertThat(rest.taskKeys(contract)).containsExactlyInAnyOrder(CONFIRM_PROPOSAL, ESCALATE_PROPOSAL_ANSWER);

    assertThat(refused(rest, contract, action(EscalationChoice.REASSIGN, Vars.REASSIGN_TO, "legal")))
        .anySatisfy(p -> assertThat((String) p).contains("不属于处理「记录商家对方案的答复」的团队"));
    rest.complete(contract, ESCALATE_PROPOSAL_ANSWER, action(EscalationChoice.REASSIGN, Vars.REASSIGN_TO, "sales"));
    assertThat(taskService.createTaskQuery().processInstanceId(contract.processInstanceId())
        .taskDefinitionKey(CONFIRM_PROPOSAL).singleResult().getAssignee()).isEqualTo("sales");
  }

  @Test
  void shouldRemindTheMerchantNow() {
    SigningRest rest = new SigningRest(anonymous);
    SigningRest.Started contract = escalated(rest);
    long before = outbox.findByContract(contract.number()).size();

    rest.complete(contract, ESCALATE_PROPOSAL_ANSWER, action(EscalationChoice.REMIND));

    assertThat(outbox.findByContract(contract.number())).hasSize((int) before + 1)
        .anySatisfy(mail -> assertThat(mail.subject()).contains("提醒"));
  }

  @Test
  void shouldCancelTheContractAsTheProvider() {
    SigningRest rest = new SigningRest(anonymous);
    SigningRest.Started contract = escalated(rest);

    assertThat(refused(rest, contract, action(EscalationChoice.CANCEL)))
        .anySatisfy(p -> assertThat((String) p).contains("取消原因"));
    Map<String, Object> cancel = action(EscalationChoice.CANCEL, Vars.CANCELLATION_REASON, "商家长期未答复，我方取消本次签约");
    // the quote fixed a period for the merchant's acceptance: the offer stands until it ends (art. 476(1))
    assertThat(refused(rest, contract, cancel)).anySatisfy(p -> assertThat((String) p).contains("第四百七十六条"));
    assertThat(contracts.findByNumber(contract.number()).orElseThrow().statusValue())
        .isEqualTo(ContractStatus.PROPOSAL_SENT);
    try {
      // the day after the quote's last day (quoteValidUntil, 14 days by default): it may be revoked
      ClockUtil.setCurrentTime(Date.from(ClockUtil.getCurrentTime().toInstant().plus(Duration.ofDays(16))));
      rest.complete(contract, ESCALATE_PROPOSAL_ANSWER, cancel);
    } finally {
      ClockUtil.reset();
    }

    assertThat(rest.taskKeys(contract)).isEmpty();
    assertThat(contracts.findByNumber(contract.number()).orElseThrow().statusValue())
        .isEqualTo(ContractStatus.CANCELLED);
    assertThat(outbox.findByContract(contract.number()))
        .anySatisfy(mail -> assertThat(mail.bodyText()).contains("商家长期未答复，我方取消本次签约"));
  }
}
