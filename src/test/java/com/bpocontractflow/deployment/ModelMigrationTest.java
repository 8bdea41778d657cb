package com.bpocontractflow.deployment;

import static com.bpocontractflow.signing.ContractSigningProcess.Tasks.*;
import static com.bpocontractflow.signing.SigningTestData.*;
import static org.assertj.core.api.Assertions.assertThat;

import com.bpocontractflow.signing.ContractSigningProcess;
import com.bpocontractflow.signing.SigningRest;
import com.bpocontractflow.signing.SigningRest.Started;
import com.bpocontractflow.term.ServiceTermProcess;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ActivityInstance;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;

/**
 * Running contracts move to the restructured models: the previous versions of contract-signing and
 * contract-term (copies of the models before the phases became nested sub-processes, under
 * {@code src/test/resources/migration/}) are deployed, contracts are taken to their waits, the current models
 * are deployed and {@link ModelMigration} moves the instances; they then carry on on the new version, their
 * timers and message subscriptions included.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "spring.datasource.url=jdbc:h2:mem:model-migration-test;DB_CLOSE_DELAY=-1",
    "spring.mail.host=localhost",
    "bpo.mail.sender-enabled=false",
    "camunda.bpm.job-execution.enabled=false"})
class ModelMigrationTest {

  static final List<String> PREVIOUS = List.of("bpmn/contract-signing.bpmn", "bpmn/contract-term.bpmn");

  @Autowired
  TestRestTemplate anonymous;
  @Autowired
  ProcessEngine engine;
  @Autowired
  ModelDeployment modelDeployment;
  @Autowired
  ModelMigration migration;

  @Test
  void shouldMoveRunningContractsToTheNewModelsWhereTheyCarryOn() throws Exception {
    RepositoryService repository = engine.getRepositoryService();
    RuntimeService runtime = engine.getRuntimeService();
    ManagementService management = engine.getManagementService();
    HistoryService history = engine.getHistoryService();
    deployPreviousModels();
    ProcessDefinition previousSigning = latest(ContractSigningProcess.KEY);
    ProcessDefinition previousTerm = latest(ServiceTermProcess.KEY);
    Object phase = repository.getBpmnModelInstance(previousSigning.getId()).getModelElementById("SubProcess_Proposal");
    assertThat(phase).as("the previous model has no phases").isNull();

    SigningRest rest = new SigningRest(anonymous);
    // live: contract-signing waits for the contract-term it called, which waits in its service period
    Started live = rest.start(request());
    rest.agreeOnContract(live, "PAPER", "5000.00");
    rest.signOnPaper(live);
    rest.correlate("DepositReceived", live, payment("5000.00", "PAY-M1"));
    rest.onboardAndGoLive(live);
    // waiting in draft-proposal
    Started drafting = rest.start(request());
    // the quote sent, waiting for the merchant's answer (with its reminder, escalation and expiry timers)
    Started quoted = rest.start(request());
    rest.complete(quoted, DRAFT_PROPOSAL, proposal("5000.00"));
    approveIfAsked(rest, quoted);
    // in a review round
    Started reviewing = rest.start(request());
    rest.complete(reviewing, DRAFT_PROPOSAL, proposal("5000.00"));
    approveIfAsked(rest, reviewing);
    rest.complete(reviewing, CONFIRM_PROPOSAL, proposalAnswer("ACCEPTED"));
    rest.complete(reviewing, DRAFT_CONTRACT, contractDraft("PAPER", "5000.00"));
    // waiting for the merchant's e-signature (a message)
    Started esigning = rest.start(request());
    rest.agreeOnContract(esigning, "ELECTRONIC", "5000.00");
    // formed, waiting for the deposit (a message) in onboarding
    Started depositing = rest.start(request());
    rest.agreeOnContract(depositing, "PAPER", "5000.00");
    rest.signOnPaper(depositing);
    List<Started> contracts = List.of(live, drafting, quoted, reviewing, esigning, depositing);
    assertThat(rest.taskKeys(drafting)).containsExactly(DRAFT_PROPOSAL);
    assertThat(rest.taskKeys(quoted)).containsExactly(CONFIRM_PROPOSAL);
    assertThat(rest.taskKeys(reviewing)).containsExactly(REVIEW_CLAUSES);
    assertThat(rest.taskKeys(depositing)).contains(CONFIRM_DEPOSIT);
    String quoteTaskId = rest.taskId(quoted, CONFIRM_PROPOSAL);
    Job reminderBefore = reminderJob(management, quoted);
    ProcessInstance term = runtime.createProcessInstanceQuery().processDefinitionKey(ServiceTermProcess.KEY)
        .superProcessInstanceId(live.processInstanceId()).singleResult();
    assertThat(term.getProcessDefinitionId()).isEqualTo(previousTerm.getId());

    modelDeployment.deploy(repository);
    ProcessDefinition signing = latest(ContractSigningProcess.KEY);
    assertThat(signing.getVersion()).isGreaterThan(previousSigning.getVersion());
    List<ModelMigration.Result> results = migration.migrateAll();

    assertThat(results).filteredOn(r -> r.key().equals(ContractSigningProcess.KEY)).singleElement().satisfies(r -> {
      assertThat(r.fromVersion()).isEqualTo(previousSigning.getVersion());
      assertThat(r.toVersion()).isEqualTo(signing.getVersion());
      assertThat(r.migrated()).containsExactlyInAnyOrderElementsOf(contracts.stream().map(Started::processInstanceId).toList());
      assertThat(r.leftBehind()).isEmpty();
    });
    assertThat(results).filteredOn(r -> r.key().equals(ServiceTermProcess.KEY)).singleElement()
        .satisfies(r -> assertThat(r.migrated()).containsExactly(term.getId()));
    for (Started contract : contracts) {
      assertThat(runtime.createProcessInstanceQuery().processInstanceId(contract.processInstanceId()).singleResult()
          .getProcessDefinitionId()).isEqualTo(signing.getId());
    }
    assertThat(runtime.createProcessInstanceQuery().processInstanceId(term.getId()).singleResult()
        .getProcessDefinitionId()).isEqualTo(latest(ServiceTermProcess.KEY).getId());
    // the waits now sit in their phases; the engine created the phase instances
    assertThat(phaseOf(runtime, drafting, DRAFT_PROPOSAL)).isEqualTo("SubProcess_Proposal");
    assertThat(phaseOf(runtime, quoted, CONFIRM_PROPOSAL)).isEqualTo("SubProcess_Proposal");
    assertThat(phaseOf(runtime, reviewing, REVIEW_CLAUSES)).isEqualTo("SubProcess_ContractReview");
    assertThat(phaseOf(runtime, esigning, "ReceiveTask_MerchantSigned")).isEqualTo("SubProcess_SignContract");
    // the same task (its id, due date and assignment kept) and the same timer job, which still fires
    assertThat(rest.taskId(quoted, CONFIRM_PROPOSAL)).isEqualTo(quoteTaskId);
    Job reminder = reminderJob(management, quoted);
    assertThat(reminder.getId()).isEqualTo(reminderBefore.getId());
    assertThat(reminder.getDuedate()).isEqualTo(reminderBefore.getDuedate());
    assertThat(reminder.getProcessDefinitionId()).isEqualTo(signing.getId());
    management.executeJob(reminder.getId());
    assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(quoted.processInstanceId())
        .activityId("ServiceTask_RemindProposalAnswer").count()).isEqualTo(1);
    // the e-signature wait still subscribes to its message
    assertThat(runtime.createEventSubscriptionQuery().processInstanceId(esigning.processInstanceId())
        .eventName(ContractSigningProcess.Messages.MERCHANT_SIGNED).activityId("ReceiveTask_MerchantSigned").count())
        .isEqualTo(1);

    // carried on to go-live on the new version: from draft-proposal, from the review round, from the deposit
    rest.agreeOnContract(drafting, "PAPER", "5000.00");
    rest.signOnPaper(drafting);
    rest.correlate("DepositReceived", drafting, payment("5000.00", "PAY-M2"));
    rest.onboardAndGoLive(drafting);
    rest.complete(reviewing, REVIEW_CLAUSES, clauseReview(true));
    rest.signOnPaper(reviewing);
    rest.correlate("DepositReceived", reviewing, payment("5000.00", "PAY-M3"));
    rest.onboardAndGoLive(reviewing);
    rest.correlate("DepositReceived", depositing, payment("5000.00", "PAY-M4"));
    rest.onboardAndGoLive(depositing);
    for (Started contract : List.of(drafting, reviewing, depositing)) {
      assertThat(rest.wentLive(contract)).isTrue();
      ProcessInstance itsTerm = runtime.createProcessInstanceQuery().superProcessInstanceId(contract.processInstanceId())
          .singleResult();
      assertThat(itsTerm.getProcessDefinitionId()).isEqualTo(latest(ServiceTermProcess.KEY).getId());
    }
    // the phases were passed on the new version
    assertThat(history.createHistoricActivityInstanceQuery().processInstanceId(reviewing.processInstanceId())
        .activityId("SubProcess_SignContract").finished().count()).isEqualTo(1);
  }

  @Test
  void shouldLeaveTheInstancesOfAVersionWithOtherTimersOnTheirVersion() {
    String key = "migration-probe";
    RepositoryService repository = engine.getRepositoryService();
    repository.createDeployment().addModelInstance(key + ".bpmn", Bpmn.createExecutableProcess(key)
        .camundaHistoryTimeToLive(1).startEvent().userTask("wait").endEvent().done()).deploy();
    ProcessInstance running = engine.getRuntimeService().startProcessInstanceByKey(key);
    // the next version adds a reminder timer to the wait: it would count from the day of the migration
    repository.createDeployment().addModelInstance(key + ".bpmn", Bpmn.createExecutableProcess(key)
        .camundaHistoryTimeToLive(1).startEvent().userTask("wait").boundaryEvent("reminder").cancelActivity(false)
        .timerWithDuration("P1D").endEvent().moveToActivity("wait").endEvent().done()).deploy();

    assertThat(migration.migrate(key)).singleElement().satisfies(r -> {
      assertThat(r.migrated()).isEmpty();
      assertThat(r.leftBehind()).containsExactly(running.getId());
    });
    assertThat(engine.getRuntimeService().createProcessInstanceQuery().processInstanceId(running.getId())
        .singleResult().getProcessDefinitionId()).isEqualTo(running.getProcessDefinitionId());
    assertThat(engine.getManagementService().createJobQuery().processInstanceId(running.getId()).count()).isZero();
  }

  private void approveIfAsked(SigningRest rest, Started contract) {
    if (rest.taskKeys(contract).contains(APPROVE_PROPOSAL)) {
      rest.complete(contract, APPROVE_PROPOSAL, approval(true));
    }
  }

  private static Job reminderJob(ManagementService management, Started contract) {
    return management.createJobQuery().processInstanceId(contract.processInstanceId())
        .activityId("BoundaryEvent_ProposalAnswerReminderDue").singleResult();
  }

  /** The phase (sub-process of SubProcess_Signing) that holds the wait. */
  private static String phaseOf(RuntimeService runtime, Started contract, String activityId) {
    ActivityInstance tree = runtime.getActivityInstance(contract.processInstanceId());
    ActivityInstance signing = tree.getActivityInstances(ContractSigningProcess.Elements.SIGNING)[0];
    List<String> phases = new ArrayList<>();
    for (ActivityInstance phase : signing.getChildActivityInstances()) {
      if (phase.getActivityInstances(activityId).length > 0) {
        phases.add(phase.getActivityId());
      }
    }
    assertThat(phases).hasSize(1);
    return phases.get(0);
  }

  private ProcessDefinition latest(String key) {
    return engine.getRepositoryService().createProcessDefinitionQuery().processDefinitionKey(key).latestVersion()
        .singleResult();
  }

  /** The deployment as it was before the restructuring: the same resources, the two models from migration/. */
  private void deployPreviousModels() throws Exception {
    DeploymentBuilder builder = engine.getRepositoryService().createDeployment().name(ModelDeployment.DEPLOYMENT_NAME)
        .source("bpo-contract-flow");
    List<InputStream> streams = new ArrayList<>();
    try {
      for (ModelDeployment.NamedResource resource : modelDeployment.resources()) {
        InputStream in = PREVIOUS.contains(resource.name())
            ? getClass().getResourceAsStream("/migration/" + resource.name().substring("bpmn/".length()))
            : resource.resource().getInputStream();
        streams.add(in);
        builder.addInputStream(resource.name(), in);
      }
      builder.deploy();
    } finally {
      for (InputStream in : streams) {
        in.close();
      }
    }
  }
}
