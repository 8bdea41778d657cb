package com.bpocontractflow.retention;

import static com.bpocontractflow.signing.ContractSigningProcess.Vars.*;

import com.bpocontractflow.common.Clocks;
import com.bpocontractflow.contract.ContractStatus;
import com.bpocontractflow.retention.RetentionTables.Due;
import com.bpocontractflow.retention.RetentionTables.Open;
import com.bpocontractflow.retention.RetentionTables.Removed;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Date;
import java.util.EnumSet;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.HistoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.history.HistoricProcessInstance;
import org.camunda.bpm.engine.history.HistoricVariableInstance;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Deletes or anonymises a contract's personal data a configurable time after the contract ended (PIPL arts.
 * 19 and 47), keeping what accounting law and the evidence of the contract need; see docs/personal-data.md.
 *
 * <p>A run has three steps, all by the engine's clock (tests move it) and in dates in China:
 * <ol>
 *   <li>records the end of contracts whose {@code contract-signing} process finished: proposal declined,
 *       signing abandoned (the process cancelled before both parties signed), or closed after the final
 *       settlement and the return or deletion of the merchant's data. A signed contract whose process was
 *       cancelled is only logged: an operator sets {@code contract.ended_on} when it is settled;</li>
 *   <li>{@code bpo.retention.personal-data-after-end} after the end: contact data anonymised, e-mails and
 *       links deleted, the same values deleted from the engine's history;</li>
 *   <li>{@code bpo.retention.signing-evidence-after-end} after the end (and after the last dispute closed):
 *       the signer's IP address and user agent removed from the signature records.</li>
 * </ol>
 * A contract with a running process instance (its business key is the contract number), or with an e-mail
 * still to be delivered, is left alone and tried again in the next run. Each contract is done in its own
 * transaction that first claims its row ({@code FOR UPDATE SKIP LOCKED}), so every node may run the job.
 */
@Component
public class PersonalDataRetention {

  private static final Logger LOG = LoggerFactory.getLogger(PersonalDataRetention.class);

  /** Process variables with the contact's data, deleted from the history with the contract's columns. */
  static final List<String> PERSONAL_VARIABLES = List.of(MERCHANT_EMAIL, CONTACT_PERSON, CONTACT_PHONE, SERVICE_NEEDS,
      PROPOSAL_COMMENT, ANSWERED_BY);
  /** Process variables with the signer's network evidence, deleted with the signature records' columns. */
  static final List<String> SIGNING_EVIDENCE_VARIABLES = List.of(SIGNER_IP, SIGNER_USER_AGENT);

  /** Statuses in which a finished contract-signing process means the contract ended by itself. */
  static final Set<ContractStatus> ENDED_WHEN_PROCESS_FINISHED = endedWhenProcessFinished();
  /** Final statuses whose end may be taken from the record when the engine's history is already gone. */
  static final Set<ContractStatus> FINAL = EnumSet.of(ContractStatus.PROPOSAL_DECLINED, ContractStatus.CLOSED,
      ContractStatus.WITHDRAWN, ContractStatus.CANCELLED);

  private static final int HISTORY_QUERY_CHUNK = 500;

  /** Signings that never formed a contract (still open, declined, withdrawn, cancelled) and closed contracts. */
  private static Set<ContractStatus> endedWhenProcessFinished() {
    Set<ContractStatus> statuses = EnumSet.of(ContractStatus.PROPOSAL_DECLINED, ContractStatus.CLOSED,
        ContractStatus.WITHDRAWN, ContractStatus.CANCELLED);
    for (ContractStatus status : ContractStatus.values()) {
      if (status.openBeforeFormation()) {
        statuses.add(status);
      }
    }
    return statuses;
  }

  /** The contracts a run worked on, by number. */
  public record Report(List<String> endsRecorded, List<String> anonymised, List<String> evidenceReduced,
      List<String> waiting, List<String> signedButProcessCancelled) {
  }

  private final RetentionTables tables;
  private final RetentionProperties properties;
  private final HistoryService historyService;
  private final RuntimeService runtimeService;
  private final TransactionTemplate transaction;

  public PersonalDataRetention(RetentionTables tables, RetentionProperties properties, HistoryService historyService,
      RuntimeService runtimeService, TransactionTemplate transaction) {
    this.tables = tables;
    this.properties = properties;
    this.historyService = historyService;
    this.runtimeService = runtimeService;
    this.transaction = transaction;
  }

  @Scheduled(cron = "${bpo.retention.cron:0 30 2 * * *}", zone = "Asia/Shanghai")
  void scheduled() {
    if (!properties.enabled()) {
      return;
    }
    try {
      run();
    } catch (RuntimeException e) {
      LOG.warn("Personal data retention run failed, will try again in the next run: {}", e.toString());
    }
  }

  /** One run of the three steps; returns what it did. */
  public Report run() {
    LocalDate today = Clocks.today();
    List<String> signedButCancelled = new ArrayList<>();
    List<String> ends = recordEnds(signedButCancelled);
    List<String> waiting = new ArrayList<>();

    LocalDate personalCutoff = today.minus(properties.personalDataAfterEnd());
    List<String> anonymised = new ArrayList<>();
    for (Due due : tables.dueForAnonymisation(personalCutoff)) {
      Boolean done = transaction.execute(status -> anonymise(due, personalCutoff, today));
      collect(due, done, anonymised, waiting);
    }

    LocalDate evidenceCutoff = today.minus(properties.signingEvidenceAfterEnd());
    OffsetDateTime disputesClosedBefore = evidenceCutoff.plusDays(1).atStartOfDay(Clocks.ZONE).toOffsetDateTime();
    List<String> reduced = new ArrayList<>();
    for (Due due : tables.dueForEvidenceReduction(evidenceCutoff, disputesClosedBefore)) {
      Boolean done = transaction.execute(status -> reduceEvidence(due, evidenceCutoff, disputesClosedBefore, today));
      collect(due, done, reduced, waiting);
    }

    Report report = new Report(ends, anonymised, reduced, waiting, signedButCancelled);
    if (!ends.isEmpty() || !anonymised.isEmpty() || !reduced.isEmpty()) {
      LOG.info("Personal data retention: ended {}, personal data anonymised {}, signing evidence reduced {}",
          ends, anonymised, reduced);
    }
    if (!waiting.isEmpty()) {
      LOG.info("Personal data retention waits for running processes or undelivered e-mails of {}", waiting);
    }
    if (!signedButCancelled.isEmpty()) {
      LOG.warn("Signed contracts whose process was cancelled, left to an operator (set contract.ended_on once "
          + "settled, see docs/personal-data.md): {}", signedButCancelled);
    }
    return report;
  }

  // ------------------------------------------------------------------ step 1: the end of each contract

  private List<String> recordEnds(List<String> signedButCancelled) {
    List<String> recorded = new ArrayList<>();
    List<Open> open = tables.withoutEnd();
    for (int from = 0; from < open.size(); from += HISTORY_QUERY_CHUNK) {
      List<Open> chunk = open.subList(from, Math.min(open.size(), from + HISTORY_QUERY_CHUNK));
      Set<String> instanceIds = chunk.stream().map(Open::processInstanceId).filter(id -> id != null)
          .collect(Collectors.toCollection(HashSet::new));
      Map<String, HistoricProcessInstance> history = instanceIds.isEmpty() ? Map.of()
          : historyService.createHistoricProcessInstanceQuery().processInstanceIds(instanceIds).list().stream()
              .collect(Collectors.toMap(HistoricProcessInstance::getId, Function.identity()));
      for (Open contract : chunk) {
        LocalDate endedOn = endedOn(contract, history.get(contract.processInstanceId()));
        if (endedOn == null) {
          continue;
        }
        if (!ENDED_WHEN_PROCESS_FINISHED.contains(ContractStatus.valueOf(contract.status()))) {
          signedButCancelled.add(contract.contractNumber());
        } else if (tables.recordEnd(contract.id(), endedOn)) {
          recorded.add(contract.contractNumber());
        }
      }
    }
    return recorded;
  }

  /** The day the contract's process finished; null while it runs. */
  private LocalDate endedOn(Open contract, HistoricProcessInstance history) {
    if (history != null) {
      return history.getEndTime() == null ? null : day(history.getEndTime());
    }
    // no history (removed after its time to live, or none kept): only a final status tells, once nothing runs
    boolean running = contract.processInstanceId() != null
        && runtimeService.createProcessInstanceQuery().processInstanceId(contract.processInstanceId()).count() > 0;
    if (running || !FINAL.contains(ContractStatus.valueOf(contract.status()))) {
      return null;
    }
    return contract.updatedAt().atZoneSameInstant(Clocks.ZONE).toLocalDate();
  }

  // ------------------------------------------------------------------ step 2: personal data

  /** True when done, false when it must wait, null when another node has it or did it. */
  private Boolean anonymise(Due due, LocalDate cutoff, LocalDate today) {
    if (!tables.claimForAnonymisation(due.id(), cutoff)) {
      return null;
    }
    if (running(due) || tables.pendingMails(due.contractNumber()) > 0) {
      return false;
    }
    Set<String> instances = historicInstances(due);
    int variables = deleteHistory(instances, PERSONAL_VARIABLES);
    Removed removed = tables.anonymise(due.id(), due.contractNumber(), today, now());
    LOG.info("Contract {}: personal data anonymised; deleted {} e-mails, {} links, {} history values; "
        + "{} review comments' authors anonymised", due.contractNumber(), removed.mails(), removed.links(), variables,
        removed.reviewAuthors());
    return true;
  }

  // ------------------------------------------------------------------ step 3: signing evidence

  private Boolean reduceEvidence(Due due, LocalDate cutoff, OffsetDateTime disputesClosedBefore, LocalDate today) {
    if (!tables.claimForEvidenceReduction(due.id(), cutoff, disputesClosedBefore)) {
      return null;
    }
    if (running(due)) {
      return false;
    }
    deleteHistory(historicInstances(due), SIGNING_EVIDENCE_VARIABLES);
    tables.reduceEvidence(due.id(), today, now());
    return true;
  }

  // ------------------------------------------------------------------ helpers

  /** Whether a process instance of the contract (business key = contract number) is still running. */
  private boolean running(Due due) {
    return runtimeService.createProcessInstanceQuery().processInstanceBusinessKey(due.contractNumber()).count() > 0;
  }

  /** Every process instance in the history that belongs to the contract. */
  private Set<String> historicInstances(Due due) {
    Set<String> ids = new LinkedHashSet<>();
    if (due.processInstanceId() != null) {
      ids.add(due.processInstanceId());
    }
    historyService.createHistoricProcessInstanceQuery().processInstanceBusinessKey(due.contractNumber()).list()
        .forEach(instance -> ids.add(instance.getId()));
    return ids;
  }

  /** Deletes the named variables (with their updates) and form-field values from the instances' history. */
  private int deleteHistory(Set<String> instances, List<String> names) {
    if (instances.isEmpty()) {
      return 0;
    }
    List<HistoricVariableInstance> variables = historyService.createHistoricVariableInstanceQuery()
        .processInstanceIdIn(instances.toArray(String[]::new)).variableNameIn(names.toArray(String[]::new)).list();
    variables.forEach(variable -> historyService.deleteHistoricVariableInstance(variable.getId()));
    return variables.size() + tables.deleteFormFieldHistory(instances, names);
  }

  private static void collect(Due due, Boolean done, List<String> finished, List<String> waiting) {
    if (Boolean.TRUE.equals(done)) {
      finished.add(due.contractNumber());
    } else if (Boolean.FALSE.equals(done)) {
      waiting.add(due.contractNumber());
    }
  }

  private static LocalDate day(Date instant) {
    return instant.toInstant().atZone(Clocks.ZONE).toLocalDate();
  }

  /** Now by the engine's clock, like {@link Clocks#today()}. */
  private static OffsetDateTime now() {
    return ClockUtil.getCurrentTime().toInstant().atZone(Clocks.ZONE).toOffsetDateTime();
  }
}
