package com.bpocontractflow.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import com.bpocontractflow.common.Clocks;
import com.bpocontractflow.signing.OnboardingTargetProperties;
import com.bpocontractflow.signing.SigningProperties;
import com.bpocontractflow.signing.SigningSchedule;
import java.io.File;
import java.io.FileInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.repository.DeploymentBuilder;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.engine.test.mock.MockExpressionManager;
import org.camunda.bpm.engine.test.mock.Mocks;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.Process;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * No user task without a due date: every user task of every model in bpmn/ gets one when it is created
 * (Tasklist shows and sorts by it), and a due date in whole days ({@code P<n>D}) is the n-th Chinese working
 * day at 9:00 in China, through the engine's due-date calendar (calendar/WorkingDayTimers).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TaskDueDatesTest {

  /** Variables a model reads in a due date or timer: each a date a month ahead. */
  static final Pattern VARIABLE = Pattern.compile("\\$\\{([A-Za-z][A-Za-z0-9]*)}");
  static final Pattern WHOLE_DAYS = Pattern.compile("P(\\d+)D");

  ProcessEngine engine;
  final ChineseWorkdays workdays = ChineseWorkdays.shipped();
  final List<BpmnModelInstance> models = new ArrayList<>();
  final Map<String, Object> variables = new HashMap<>();

  @BeforeAll
  void startEngine() throws IOException {
    ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) ProcessEngineConfiguration
        .createStandaloneInMemProcessEngineConfiguration()
        .setJdbcUrl("jdbc:h2:mem:due-dates-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1")
        .setJobExecutorActivate(false)
        .setHistory(ProcessEngineConfiguration.HISTORY_NONE);
    configuration.setProcessEngineName("due-dates-" + UUID.randomUUID());
    configuration.setExpressionManager(new MockExpressionManager());
    configuration.setProcessEnginePlugins(List.of(new WorkingDayCalendarPlugin(workdays)));
    engine = configuration.buildProcessEngine();
    Mocks.register("signingSchedule", new SigningSchedule(
        new SigningProperties(Duration.ofDays(2), 3, Duration.ofDays(7), Duration.ofDays(14), 7),
        new OnboardingTargetProperties(Duration.ofDays(10))));
    DeploymentBuilder deployment = engine.getRepositoryService().createDeployment();
    Date monthAhead = Date.from(LocalDate.of(2026, 3, 31).atStartOfDay(Clocks.ZONE).toInstant());
    try (Stream<Path> files = Files.list(Path.of("bpmn"))) {
      for (Path file : files.sorted().toList()) {
        String name = file.getFileName().toString();
        if (name.endsWith(".bpmn")) {
          models.add(Bpmn.readModelFromFile(file.toFile()));
          Matcher used = VARIABLE.matcher(Files.readString(file));
          while (used.find()) {
            variables.put(used.group(1), monthAhead);
          }
        }
        if (name.endsWith(".bpmn") || name.endsWith(".dmn")) {
          deployment.addInputStream(name, new FileInputStream(new File(file.toString())));
        }
      }
    }
    deployment.deploy();
    // a scope the instantiation enters on the way to the task (contract-term's service period with its
    // monthly SLA timer) creates its timers before the instance's variables are set: the same values as beans
    variables.forEach(Mocks::register);
  }

  @AfterAll
  void stopEngine() {
    Mocks.reset();
    ClockUtil.reset();
    engine.close();
  }

  static Date china(LocalDate day, int hour) {
    return Date.from(LocalDateTime.of(day, java.time.LocalTime.of(hour, 0)).atZone(Clocks.ZONE).toInstant());
  }

  @Test
  void shouldGiveEveryUserTaskOfEveryModelADueDateOnWorkingDays() {
    // Thursday 2026-02-12, 10:00 in China: Saturday 02-14 is a make-up working day, 02-15 to 02-23 are off
    LocalDate today = LocalDate.of(2026, 2, 12);
    ClockUtil.setCurrentTime(china(today, 10));
    int tasks = 0;
    for (BpmnModelInstance model : models) {
      String processKey = model.getModelElementsByType(Process.class).iterator().next().getId();
      for (UserTask userTask : model.getModelElementsByType(UserTask.class)) {
        String dueDate = userTask.getCamundaDueDate();
        assertThat(dueDate).as("due date of %s in %s", userTask.getId(), processKey).isNotBlank();
        // created as the engine creates it (listeners and input mappings, which need the application, skipped)
        String pi = engine.getRuntimeService().createProcessInstanceByKey(processKey)
            .startBeforeActivity(userTask.getId()).setVariables(variables).execute(true, true).getId();
        Task task = engine.getTaskService().createTaskQuery().processInstanceId(pi)
            .taskDefinitionKey(userTask.getId()).singleResult();
        assertThat(task.getDueDate()).as("due date of %s once created", userTask.getId()).isNotNull();
        Matcher days = WHOLE_DAYS.matcher(dueDate);
        if (days.matches()) {
          assertThat(task.getDueDate()).as("%s: %s working days", userTask.getId(), days.group(1))
              .isEqualTo(china(workdays.plusWorkingDays(today, Integer.parseInt(days.group(1))), 9));
        }
        engine.getRuntimeService().deleteProcessInstance(pi, "checked", true, true);
        tasks++;
      }
    }
    assertThat(tasks).isGreaterThanOrEqualTo(32);
  }

  @Test
  void shouldCountWholeDaysOfATaskDueDateAsChineseWorkingDaysAcrossTheSpringFestival() {
    // Friday 2026-02-13, 16:30: one working day is the make-up Saturday 02-14, two are Tuesday 02-24
    ClockUtil.setCurrentTime(china(LocalDate.of(2026, 2, 13), 16));
    String pi = engine.getRuntimeService().createProcessInstanceByKey("contract-signing")
        .startBeforeActivity("draft-proposal").setVariables(variables).execute(true, true).getId();
    Task draft = engine.getTaskService().createTaskQuery().processInstanceId(pi).singleResult();
    // draft-proposal is due in 2 working days
    assertThat(draft.getDueDate()).isEqualTo(china(LocalDate.of(2026, 2, 24), 9));
    engine.getRuntimeService().deleteProcessInstance(pi, "checked", true, true);
  }

  @Test
  void shouldTakeTheOperatorsWorkingDaysForATaskButNotForADueDateTheContractSets() throws IOException {
    ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) ProcessEngineConfiguration
        .createStandaloneInMemProcessEngineConfiguration()
        .setJdbcUrl("jdbc:h2:mem:due-dates-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1")
        .setJobExecutorActivate(false)
        .setHistory(ProcessEngineConfiguration.HISTORY_NONE);
    configuration.setProcessEngineName("due-dates-" + UUID.randomUUID());
    configuration.setExpressionManager(new MockExpressionManager());
    configuration.setProcessEnginePlugins(List.of(new WorkingDayCalendarPlugin(workdays),
        new TaskDueDates(Map.of("draft-proposal", "P5D", "review-trial", "P1D"))));
    ProcessEngine configured = configuration.buildProcessEngine();
    try {
      configured.getRepositoryService().createDeployment()
          .addInputStream("contract-signing.bpmn", new FileInputStream("bpmn/contract-signing.bpmn"))
          .addInputStream("contract-term.bpmn", new FileInputStream("bpmn/contract-term.bpmn")).deploy();
      ClockUtil.setCurrentTime(china(LocalDate.of(2026, 2, 12), 10));
      configured.getRuntimeService().createProcessInstanceByKey("contract-signing")
          .startBeforeActivity("draft-proposal").setVariables(variables).execute(true, true);
      configured.getRuntimeService().createProcessInstanceByKey("contract-term")
          .startBeforeActivity("review-trial").setVariables(variables).execute(true, true);

      // 5 working days from Thursday 02-12: 13, 14 (make-up Saturday), 24, 25, 26
      assertThat(configured.getTaskService().createTaskQuery().taskDefinitionKey("draft-proposal").singleResult()
          .getDueDate()).isEqualTo(china(LocalDate.of(2026, 2, 26), 9));
      // the trial's decision date comes from the contract: not replaced
      assertThat(configured.getTaskService().createTaskQuery().taskDefinitionKey("review-trial").singleResult()
          .getDueDate()).isEqualTo(variables.get("trialDecisionDueAt"));
    } finally {
      configured.close();
    }
  }

  @Test
  void shouldRefuseADueDateThatIsNotWholeWorkingDays() {
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> new TaskDueDates(Map.of("draft-proposal", "PT4H")))
        .isInstanceOf(IllegalStateException.class).hasMessageContaining("bpo.task-due.draft-proposal=PT4H");
  }

  @Test
  void shouldExtendAWaitOnWorkingDaysAsEscalationActionsAsksTheDueDateCalendar() {
    // EscalationActions.extend: resolveDuedate("P<n>D", from) of the engine's due-date calendar
    Date friday = china(LocalDate.of(2026, 2, 13), 16);
    Date due = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration()).getBusinessCalendarManager()
        .getBusinessCalendar(org.camunda.bpm.engine.impl.calendar.DueDateBusinessCalendar.NAME)
        .resolveDuedate("P3D", friday);
    // 02-14 (make-up Saturday), then the Spring Festival until 02-23: 02-24, 02-25
    assertThat(due).isEqualTo(china(LocalDate.of(2026, 2, 25), 9));
  }
}
