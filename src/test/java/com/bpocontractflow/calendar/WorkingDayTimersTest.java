package com.bpocontractflow.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import com.bpocontractflow.common.Clocks;
import java.time.Duration;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.util.Date;
import java.util.List;
import java.util.UUID;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineConfiguration;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.camunda.bpm.engine.runtime.Job;
import org.camunda.bpm.engine.task.Task;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * The engine with the working-day calendars: timers in whole days count China's working days and fall
 * due at 9:00 in China, whatever the JVM's time zone (this class also runs at UTC+14, see the pom).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class WorkingDayTimersTest {

  ProcessEngine engine;

  @BeforeAll
  void startEngine() {
    ProcessEngineConfigurationImpl configuration = (ProcessEngineConfigurationImpl) ProcessEngineConfiguration
        .createStandaloneInMemProcessEngineConfiguration()
        .setJdbcUrl("jdbc:h2:mem:calendar-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1")
        .setJobExecutorActivate(false)
        .setHistory(ProcessEngineConfiguration.HISTORY_NONE);
    configuration.setProcessEngineName("calendar-" + UUID.randomUUID());
    configuration.setProcessEnginePlugins(List.of(new WorkingDayCalendarPlugin(ChineseWorkdays.shipped())));
    engine = configuration.buildProcessEngine();
    // a wait with a reminder cycle and an escalation, as in contract-signing, and a task with a due date
    BpmnModelInstance model = Bpmn.createExecutableProcess("wait")
        .startEvent()
        .userTask("answer").camundaDueDate("${taskDue}")
        .boundaryEvent("remind").cancelActivity(false).timerWithCycle("${cycle}")
        .endEvent()
        .moveToActivity("answer").boundaryEvent("escalate").cancelActivity(false).timerWithDuration("${escalation}")
        .endEvent()
        .moveToActivity("answer").endEvent()
        .done();
    engine.getRepositoryService().createDeployment().addModelInstance("wait.bpmn", model).deploy();
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  @AfterAll
  void stopEngine() {
    engine.close();
  }

  static Date china(int year, int month, int day, int hour, int minute) {
    return Date.from(LocalDateTime.of(year, month, day, hour, minute).atZone(Clocks.ZONE).toInstant());
  }

  String start(String cycle, String escalation, String taskDue) {
    return engine.getRuntimeService().startProcessInstanceByKey("wait", java.util.Map.of(
        "cycle", cycle, "escalation", escalation, "taskDue", taskDue)).getId();
  }

  Job job(String processInstanceId, String activityId) {
    return engine.getManagementService().createJobQuery().processInstanceId(processInstanceId)
        .activityId(activityId).singleResult();
  }

  @Test
  void shouldRemindOnWorkingDaysAt9InChinaAcrossTheSpringFestival() {
    // Thursday 2026-02-12, 10:00 in China; Saturday 02-14 is a make-up working day, 02-15 to 02-23 are off
    ClockUtil.setCurrentTime(china(2026, 2, 12, 10, 0));
    String pi = start("R3/P2D", "P7D", "P1D");

    Job first = job(pi, "remind");
    assertThat(first.getDuedate()).isEqualTo(china(2026, 2, 14, 9, 0));

    ClockUtil.setCurrentTime(new Date(first.getDuedate().getTime() + 1000));
    engine.getManagementService().executeJob(first.getId());
    Job second = job(pi, "remind");
    // four working days after the start: 13th, 14th, then 24th and 25th
    assertThat(second.getDuedate()).isEqualTo(china(2026, 2, 25, 9, 0));

    // escalation after 7 working days: 13, 14, 24, 25, 26, 27, 28 (Saturday 02-28 is worked)
    assertThat(job(pi, "escalate").getDuedate()).isEqualTo(china(2026, 2, 28, 9, 0));
    Task task = engine.getTaskService().createTaskQuery().processInstanceId(pi).singleResult();
    assertThat(task.getDueDate()).isEqualTo(china(2026, 2, 13, 9, 0));
  }

  @Test
  void shouldMoveATimerDueDuringAHolidayToTheFirstWorkingDayAfterIt() {
    // Friday 2026-02-13: one working day later is Saturday 02-14 (make-up), two are Tuesday 02-24
    ClockUtil.setCurrentTime(china(2026, 2, 13, 16, 30));
    String pi = start("R1/P1D", "P2D", "P1D");

    assertThat(job(pi, "remind").getDuedate()).isEqualTo(china(2026, 2, 14, 9, 0));
    assertThat(job(pi, "escalate").getDuedate()).isEqualTo(china(2026, 2, 24, 9, 0));
  }

  @Test
  void shouldSendOneReminderNotABurstAfterAnOutage() {
    ClockUtil.setCurrentTime(china(2026, 2, 12, 10, 0));
    String pi = start("R3/P2D", "P7D", "P1D");
    Job first = job(pi, "remind");

    // the application was down from before the first reminder until after the second was due
    ClockUtil.setCurrentTime(china(2026, 2, 25, 11, 0));
    engine.getManagementService().executeJob(first.getId());

    assertThat(job(pi, "remind").getDuedate()).isEqualTo(china(2026, 2, 27, 9, 0));
  }

  @Test
  void shouldKeepClockTimeForDurationsWithATimePart() {
    Date now = china(2026, 2, 14, 22, 15);
    ClockUtil.setCurrentTime(now);
    String pi = start("R2/PT10M", "PT36H", "PT2H");

    assertThat(job(pi, "remind").getDuedate()).isEqualTo(new Date(now.getTime() + 10 * 60_000));
    assertThat(job(pi, "escalate").getDuedate()).isEqualTo(new Date(now.getTime() + 36 * 3_600_000L));
  }

  @Test
  void shouldHandDaysToTheEngineAsDaysAndComputeTheSameDueDateOutsideIt() {
    assertThat(WorkingDayTimers.iso(Duration.ofDays(2))).isEqualTo("P2D");
    assertThat(WorkingDayTimers.iso(Duration.ofMinutes(10))).isEqualTo("PT10M");
    assertThat(WorkingDayTimers.iso(Duration.ofHours(36))).isEqualTo("PT36H");

    WorkingDayTimers timers = new WorkingDayTimers(ChineseWorkdays.shipped());
    OffsetDateTime requested = china(2026, 9, 28, 15, 0).toInstant().atZone(Clocks.ZONE).toOffsetDateTime();
    // 10 working days from Monday 2026-09-28: 29, 30, (National Day 10-01..07), 08, 09, 10 (Saturday, worked), 12..16
    assertThat(timers.due(requested, Duration.ofDays(10)).toInstant()).isEqualTo(china(2026, 10, 16, 9, 0).toInstant());
    assertThat(timers.due(requested, Duration.ofHours(5))).isEqualTo(requested.plusHours(5));
  }
}
