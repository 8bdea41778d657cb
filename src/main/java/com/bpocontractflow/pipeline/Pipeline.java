package com.bpocontractflow.pipeline;

import com.bpocontractflow.calendar.ChineseWorkdays;
import com.bpocontractflow.calendar.WorkingDayTimers;
import com.bpocontractflow.common.Clocks;
import com.bpocontractflow.contract.ContractStatus;
import com.bpocontractflow.mail.OutboxMail;
import com.bpocontractflow.merchant.MerchantStep;
import com.bpocontractflow.signing.OnboardingTargetProperties;
import com.bpocontractflow.signing.SigningProperties;
import com.bpocontractflow.team.Teams;
import com.fasterxml.jackson.annotation.JsonProperty;
import java.sql.Timestamp;
import java.time.Duration;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The open contracts as managers follow them (合同看板): each with its stage, the steps open now and who holds
 * them, how long they have waited, the signing target (until formation) or the go-live target (from
 * formation to go-live), and the last e-mail to the merchant. Read in a few set-wise queries from what is
 * already recorded — the contract table, the signatures, the outbox, the merchant links and the engine's
 * runtime and history tables (tasks and their candidate groups) — not from process variables.
 */
@Service
public class Pipeline {

  /** Formed, not yet live: the go-live target runs (the scope SubProcess_Onboarding of contract-signing). */
  private static final Set<ContractStatus> FORMED_BEFORE_GO_LIVE = Set.of(ContractStatus.SIGNED,
      ContractStatus.DEPOSIT_PAID);

  private final JdbcClient jdbc;
  private final Duration signingTarget;
  private final Duration goLiveTarget;
  private final WorkingDayTimers timers;
  private final ChineseWorkdays workdays;

  public Pipeline(JdbcClient jdbc, SigningProperties signing, OnboardingTargetProperties onboarding,
      ChineseWorkdays workdays) {
    this.jdbc = jdbc;
    this.signingTarget = signing.target();
    this.goLiveTarget = onboarding.target();
    this.timers = new WorkingDayTimers(workdays);
    this.workdays = workdays;
  }

  /** An open step: a task of one of the contract's processes. */
  public record Step(String taskId, String taskKey, String name, String processInstanceId, List<String> teams,
      String assignee, OffsetDateTime since, long daysInStep, long workingDaysInStep) {

    /** The teams as staff read them (销售团队, 法务团队, …). */
    @JsonProperty("teamLabels")
    public List<String> teamLabels() {
      return teams.stream().map(id -> Teams.all().stream().filter(t -> t.groupId().equals(id)).findFirst()
          .map(Teams::groupName).orElse(id)).toList();
    }
  }

  /** The last e-mail written for the merchant. */
  public record LastEmail(String subject, String status, String statusLabel, OffsetDateTime at) {
  }

  /** One open contract. */
  public record Row(String contractNumber, String merchantName, ContractStatus status, String statusLabel,
      Stage stage, String stageLabel, OffsetDateTime requestedAt, long daysSinceRequest, long workingDaysSinceRequest,
      List<Step> steps, Long daysInStep, Long workingDaysInStep, TargetStatus signingTarget, String signingTargetLabel, TargetStatus goLiveTarget,
      String goLiveTargetLabel, LastEmail lastEmail,
      OffsetDateTime merchantLastAnsweredAt, Boolean merchantAnsweredLastEmail, Map<String, String> links) {
  }

  /**
   * The open contracts {@code teams} may follow (every one when {@code teams} is null: managers), filtered by
   * stage, team and overdue when given.
   */
  @Transactional(readOnly = true)
  public List<Row> rows(Collection<String> teams, Stage stage, String team, boolean overdueOnly) {
    OffsetDateTime now = OffsetDateTime.now(Clocks.ZONE);
    Map<String, List<Step>> steps = openSteps(now);
    Set<String> visible = teams == null ? null : followedBy(teams, steps);
    Map<String, LastEmail> lastEmails = lastEmails();
    Map<String, OffsetDateTime> answers = lastAnswers();
    Set<String> awaiting = awaitingTheMerchant(steps);
    Map<String, OffsetDateTime> formed = formedBeforeGoLive();
    List<Row> rows = new ArrayList<>();
    for (OpenContract contract : openContracts()) {
      Stage contractStage = Stage.of(contract.status()).orElse(null);
      if (contractStage == null || (visible != null && !visible.contains(contract.number()))
          || (stage != null && stage != contractStage)) {
        continue;
      }
      List<Step> open = steps.getOrDefault(contract.number(), List.of());
      if (team != null && open.stream().noneMatch(step -> step.teams().contains(team))) {
        continue;
      }
      TargetStatus target = contract.status().openBeforeFormation()
          ? TargetStatus.of(timers.due(contract.requestedAt(), signingTarget), now) : null;
      // from formation (the second signature recorded) to the go-live approval, as the engine's timer runs
      OffsetDateTime formedAt = FORMED_BEFORE_GO_LIVE.contains(contract.status())
          ? formed.get(contract.number()) : null;
      TargetStatus goLive = formedAt == null ? null : TargetStatus.of(timers.due(formedAt, goLiveTarget), now);
      if (overdueOnly && target != TargetStatus.OVERDUE && goLive != TargetStatus.OVERDUE) {
        continue;
      }
      LastEmail email = lastEmails.get(contract.number());
      OffsetDateTime answered = answers.get(contract.number());
      Long daysInStep = open.stream().map(Step::daysInStep).max(Comparator.naturalOrder()).orElse(null);
      Long workingDaysInStep = open.stream().map(Step::workingDaysInStep).max(Comparator.naturalOrder()).orElse(null);
      Map<String, String> links = new LinkedHashMap<>();
      if (contract.processInstanceId() != null) {
        links.put("cockpit", "/camunda/app/cockpit/default/#/process-instance/" + contract.processInstanceId());
      }
      links.put("documents", "/staff/contracts/" + contract.number() + "/documents");
      links.put("documentsPage", "/staff/contracts/" + contract.number());
      rows.add(new Row(contract.number(), contract.merchantName(), contract.status(), contract.status().label(),
          contractStage, contractStage.label(), contract.requestedAt(), days(contract.requestedAt(), now),
          workingDays(contract.requestedAt(), now), open, daysInStep, workingDaysInStep, target, target == null ? null : target.label(), goLive, goLive == null ? null : goLive.label(),
          email, answered, answeredLastEmail(awaiting.contains(contract.number()), email, answered), links));
    }
    return rows;
  }

  /**
   * Whether the merchant answered: no while a step waits for the merchant's answer; yes when a link was used
   * after the last e-mail; otherwise nothing to say (null): the last e-mail asked for no answer (a receipt, a
   * notice), or the answer came another way (recorded by staff).
   */
  static Boolean answeredLastEmail(boolean awaitingTheMerchant, LastEmail email, OffsetDateTime answered) {
    if (awaitingTheMerchant) {
      return false;
    }
    return email != null && answered != null && answered.isAfter(email.at()) ? Boolean.TRUE : null;
  }

  /**
   * The contracts a step waits at for the merchant's answer: an open task of one of the merchant's steps (the
   * proposal's answer, the clause review, the countersigned copy) or the wait for the e-signature.
   */
  private Set<String> awaitingTheMerchant(Map<String, List<Step>> steps) {
    Set<String> waits = new HashSet<>();
    for (MerchantStep step : MerchantStep.values()) {
      if (step.waitActivityId() != null) {
        waits.add(step.waitActivityId());
      }
    }
    Set<String> awaiting = new HashSet<>();
    steps.forEach((number, open) -> {
      if (open.stream().anyMatch(step -> waits.contains(step.taskKey()))) {
        awaiting.add(number);
      }
    });
    awaiting.addAll(jdbc.sql("""
            SELECT p.BUSINESS_KEY_ FROM ACT_RU_EVENT_SUBSCR s JOIN ACT_RU_EXECUTION p ON p.ID_ = s.PROC_INST_ID_
            WHERE s.ACTIVITY_ID_ IN (:waits) AND p.BUSINESS_KEY_ IS NOT NULL
            """).param("waits", waits).query(String.class).list());
    return awaiting;
  }

  /** How many of these rows are in each stage (every stage, zero included). */
  public static Map<Stage, Long> countByStage(List<Row> rows) {
    Map<Stage, Long> counts = new EnumMap<>(Stage.class);
    for (Stage stage : Stage.values()) {
      counts.put(stage, 0L);
    }
    rows.forEach(row -> counts.merge(row.stage(), 1L, Long::sum));
    return counts;
  }

  static long days(OffsetDateTime from, OffsetDateTime now) {
    return Math.max(0, Duration.between(from, now).toDays());
  }

  /** Working days (Chinese calendar) after the China date of {@code from}, up to and including today's. */
  long workingDays(OffsetDateTime from, OffsetDateTime now) {
    return workdays.workingDaysBetween(from.atZoneSameInstant(Clocks.ZONE).toLocalDate(),
        now.atZoneSameInstant(Clocks.ZONE).toLocalDate());
  }

  private record OpenContract(String number, String merchantName, ContractStatus status, OffsetDateTime requestedAt,
      String processInstanceId) {
  }

  private List<OpenContract> openContracts() {
    return jdbc.sql("""
            SELECT contract_number, merchant_name, status, created_at, process_instance_id FROM contract
            WHERE status NOT IN ('PROPOSAL_DECLINED', 'ENDED', 'CLOSED', 'WITHDRAWN', 'CANCELLED')
            ORDER BY created_at
            """)
        .query((rs, i) -> new OpenContract(rs.getString(1), rs.getString(2), ContractStatus.valueOf(rs.getString(3)),
            rs.getObject(4, OffsetDateTime.class), rs.getString(5)))
        .list();
  }

  /** The open tasks of every contract's processes (business key = contract number), with their teams. */
  private Map<String, List<Step>> openSteps(OffsetDateTime now) {
    Map<String, Step> byTask = new LinkedHashMap<>();
    Map<String, String> contractOfTask = new HashMap<>();
    jdbc.sql("""
            SELECT t.ID_, t.TASK_DEF_KEY_, t.NAME_, t.PROC_INST_ID_, t.ASSIGNEE_, t.CREATE_TIME_, p.BUSINESS_KEY_,
              i.GROUP_ID_
            FROM ACT_RU_TASK t
            JOIN ACT_RU_EXECUTION p ON p.ID_ = t.PROC_INST_ID_
            LEFT JOIN ACT_RU_IDENTITYLINK i ON i.TASK_ID_ = t.ID_ AND i.TYPE_ = 'candidate' AND i.GROUP_ID_ IS NOT NULL
            WHERE p.BUSINESS_KEY_ IS NOT NULL
            ORDER BY t.CREATE_TIME_
            """)
        .query(rs -> {
          String taskId = rs.getString(1);
          Step step = byTask.get(taskId);
          if (step == null) {
            OffsetDateTime since = at(rs.getTimestamp(6));
            step = new Step(taskId, rs.getString(2), rs.getString(3), rs.getString(4), new ArrayList<>(),
                rs.getString(5), since, days(since, now), workingDays(since, now));
            byTask.put(taskId, step);
            contractOfTask.put(taskId, rs.getString(7));
          }
          if (rs.getString(8) != null) {
            step.teams().add(rs.getString(8));
          }
        });
    Map<String, List<Step>> byContract = new HashMap<>();
    byTask.forEach((taskId, step) ->
        byContract.computeIfAbsent(contractOfTask.get(taskId), number -> new ArrayList<>()).add(step));
    return byContract;
  }

  /**
   * The contracts a team follows: a task of theirs is open now (offered to one of the teams), or one was
   * in the past (the engine's history of candidate groups).
   */
  private Set<String> followedBy(Collection<String> teams, Map<String, List<Step>> steps) {
    Set<String> numbers = new HashSet<>();
    steps.forEach((number, open) -> {
      if (open.stream().anyMatch(step -> step.teams().stream().anyMatch(teams::contains))) {
        numbers.add(number);
      }
    });
    if (!teams.isEmpty()) {
      numbers.addAll(jdbc.sql("""
              SELECT DISTINCT p.BUSINESS_KEY_ FROM ACT_HI_IDENTITYLINK l
              JOIN ACT_HI_TASKINST t ON t.ID_ = l.TASK_ID_
              JOIN ACT_HI_PROCINST p ON p.PROC_INST_ID_ = t.PROC_INST_ID_
              WHERE l.TYPE_ = 'candidate' AND l.GROUP_ID_ IN (:teams) AND p.BUSINESS_KEY_ IS NOT NULL
              """)
          .param("teams", List.copyOf(teams)).query(String.class).list());
    }
    return numbers;
  }

  /**
   * When each contract formed and not yet live was formed: the recording of the second party's signature or
   * seal, the moment the process ended its signing and started the go-live target. A contract signed
   * before signatures were recorded has none (and no go-live target shown).
   */
  private Map<String, OffsetDateTime> formedBeforeGoLive() {
    Map<String, OffsetDateTime> formed = new HashMap<>();
    jdbc.sql("""
            SELECT c.contract_number, MAX(s.recorded_at) FROM contract_signature s
            JOIN contract c ON c.id = s.contract_id
            WHERE c.status IN (:statuses) GROUP BY c.contract_number HAVING COUNT(DISTINCT s.party) = 2
            """)
        .param("statuses", FORMED_BEFORE_GO_LIVE.stream().map(Enum::name).toList())
        .query(rs -> {
          formed.put(rs.getString(1), rs.getObject(2, OffsetDateTime.class));
        });
    return formed;
  }

  private Map<String, LastEmail> lastEmails() {
    Map<String, LastEmail> last = new HashMap<>();
    jdbc.sql("""
            SELECT m.contract_number, m.subject, m.status, m.created_at FROM mail_outbox m
            JOIN (SELECT contract_number, MAX(id) AS id FROM mail_outbox GROUP BY contract_number) x ON x.id = m.id
            """)
        .query(rs -> {
          last.put(rs.getString(1), new LastEmail(rs.getString(2), rs.getString(3),
              OutboxMail.labelOf(rs.getString(3)), rs.getObject(4, OffsetDateTime.class)));
        });
    return last;
  }

  private Map<String, OffsetDateTime> lastAnswers() {
    Map<String, OffsetDateTime> answers = new HashMap<>();
    jdbc.sql("""
            SELECT c.contract_number, MAX(l.used_at) FROM merchant_link l JOIN contract c ON c.id = l.contract_id
            WHERE l.used_at IS NOT NULL GROUP BY c.contract_number
            """)
        .query(rs -> {
          answers.put(rs.getString(1), rs.getObject(2, OffsetDateTime.class));
        });
    return answers;
  }

  static OffsetDateTime at(Timestamp timestamp) {
    return timestamp.toInstant().atZone(Clocks.ZONE).toOffsetDateTime();
  }
}
