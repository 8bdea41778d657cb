package com.bpocontractflow.deployment;

import com.bpocontractflow.signing.ContractSigningProcess;
import com.bpocontractflow.term.ServiceTermProcess;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.ProcessEngineException;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.migration.MigrationInstructionValidationReport;
import org.camunda.bpm.engine.migration.MigrationPlan;
import org.camunda.bpm.engine.migration.MigrationPlanBuilder;
import org.camunda.bpm.engine.migration.MigrationPlanValidationException;
import org.camunda.bpm.engine.repository.ProcessDefinition;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.BoundaryEvent;
import org.camunda.bpm.model.bpmn.instance.FlowNode;
import org.camunda.bpm.model.bpmn.instance.IntermediateCatchEvent;
import org.camunda.bpm.model.bpmn.instance.ReceiveTask;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.SubProcess;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Moves the running instances of older versions of {@code contract-signing} and {@code contract-term} to the
 * latest version, once the models are deployed at start-up (under the start-up lock, see
 * {@code operations.StartupLock}). For each older version with running instances it builds a Camunda
 * migration plan that maps every activity id found in both versions onto itself, wherever it sits: an
 * activity moved into a new embedded sub-process (the phases of {@code SubProcess_Signing}, the settlement of
 * {@code contract-term}) is mapped explicitly, and the engine creates the new parent sub-process instance for
 * it. Mapped waits keep their tasks (assignee, due date), timers and message subscriptions. Only a version
 * with the same timers and messages (the same {@link #triggers}) as the latest is migrated: the restructuring
 * of the diagrams changed none, the earlier changes (the signing and go-live targets, decision deadlines, the
 * monthly SLA figures) did, and their instances keep their versions as documented in docs/operations.md.
 * Instructions the engine rejects (activity types it cannot migrate, such as gateways or end events) are left
 * out; an instance whose active activities the plan cannot map, or that fails to migrate, stays on its
 * version and is logged.
 * Migration never fails the start-up. {@code bpo.migration.enabled=false} switches it off.
 */
public class ModelMigration {

  /** The models whose running instances follow the latest version. */
  public static final List<String> KEYS = List.of(ContractSigningProcess.KEY, ServiceTermProcess.KEY);

  private static final Logger LOG = LoggerFactory.getLogger(ModelMigration.class);
  private static final int CHUNK = 100;

  private final RepositoryService repositoryService;
  private final RuntimeService runtimeService;

  public ModelMigration(ProcessEngine engine) {
    this.repositoryService = engine.getRepositoryService();
    this.runtimeService = engine.getRuntimeService();
  }

  /** What was done for one older version. */
  public record Result(String key, int fromVersion, int toVersion, List<String> migrated, List<String> leftBehind) {
  }

  /** Migrates the running instances of every older version of {@link #KEYS}; never throws. */
  public List<Result> migrateAll() {
    List<Result> results = new ArrayList<>();
    for (String key : KEYS) {
      try {
        results.addAll(migrate(key));
      } catch (RuntimeException e) {
        LOG.warn("Could not migrate the running instances of {} to its latest version; they stay on their versions",
            key, e);
      }
    }
    return results;
  }

  /** Migrates the running instances of the older versions of {@code key} to its latest version. */
  public List<Result> migrate(String key) {
    ProcessDefinition latest = repositoryService.createProcessDefinitionQuery().processDefinitionKey(key)
        .latestVersion().singleResult();
    List<Result> results = new ArrayList<>();
    if (latest == null) {
      return results;
    }
    List<ProcessDefinition> older = repositoryService.createProcessDefinitionQuery().processDefinitionKey(key)
        .orderByProcessDefinitionVersion().asc().list().stream()
        .filter(d -> d.getVersion() < latest.getVersion()).toList();
    for (ProcessDefinition source : older) {
      List<String> ids = runtimeService.createProcessInstanceQuery().processDefinitionId(source.getId()).list()
          .stream().map(ProcessInstance::getId).toList();
      if (ids.isEmpty()) {
        continue;
      }
      results.add(migrate(key, source, latest, ids));
    }
    return results;
  }

  private Result migrate(String key, ProcessDefinition source, ProcessDefinition target, List<String> ids) {
    Set<String> sourceTriggers = triggers(repositoryService.getBpmnModelInstance(source.getId()));
    Set<String> targetTriggers = triggers(repositoryService.getBpmnModelInstance(target.getId()));
    if (!sourceTriggers.equals(targetTriggers)) {
      Set<String> added = new TreeSet<>(targetTriggers);
      added.removeAll(sourceTriggers);
      Set<String> removed = new TreeSet<>(sourceTriggers);
      removed.removeAll(targetTriggers);
      LOG.info("{} version {} has other timers or messages than version {} (added {}, removed {}): its {} running "
          + "instances stay on version {} (docs/operations.md)", key, source.getVersion(), target.getVersion(), added,
          removed, ids.size(), source.getVersion());
      return new Result(key, source.getVersion(), target.getVersion(), List.of(), ids);
    }
    MigrationPlan plan;
    try {
      plan = plan(source, target);
    } catch (ProcessEngineException e) {
      LOG.warn("No migration plan from {} version {} to version {}: its {} running instances stay on version {}",
          key, source.getVersion(), target.getVersion(), ids.size(), source.getVersion(), e);
      return new Result(key, source.getVersion(), target.getVersion(), List.of(), ids);
    }
    List<String> migrated = new ArrayList<>();
    List<String> leftBehind = new ArrayList<>();
    for (int from = 0; from < ids.size(); from += CHUNK) {
      List<String> chunk = ids.subList(from, Math.min(ids.size(), from + CHUNK));
      try {
        runtimeService.newMigration(plan).processInstanceIds(chunk).execute();
        migrated.addAll(chunk);
      } catch (ProcessEngineException chunkFailed) {
        // one instance the plan cannot migrate fails the whole chunk: retry one by one
        for (String id : chunk) {
          try {
            runtimeService.newMigration(plan).processInstanceIds(id).execute();
            migrated.add(id);
          } catch (ProcessEngineException e) {
            leftBehind.add(id);
            LOG.warn("Process instance {} of {} stays on version {}: {}", id, key, source.getVersion(), e.getMessage());
          }
        }
      }
    }
    LOG.info("Migrated {} running instances of {} from version {} to version {}{}", migrated.size(), key,
        source.getVersion(), target.getVersion(),
        leftBehind.isEmpty() ? "" : "; " + leftBehind.size() + " stay on version " + source.getVersion());
    return new Result(key, source.getVersion(), target.getVersion(), migrated, leftBehind);
  }

  /**
   * A validated plan that maps every flow node id present in both versions onto itself (in whatever scope it
   * sits in each), leaving out the instructions the engine rejects.
   */
  public MigrationPlan plan(ProcessDefinition source, ProcessDefinition target) {
    Set<String> common = new LinkedHashSet<>(flowNodeIds(repositoryService.getBpmnModelInstance(source.getId())));
    common.retainAll(flowNodeIds(repositoryService.getBpmnModelInstance(target.getId())));
    Set<String> rejected = new TreeSet<>();
    while (true) {
      MigrationPlanBuilder builder = runtimeService.createMigrationPlan(source.getId(), target.getId());
      for (String id : common) {
        if (!rejected.contains(id)) {
          builder = builder.mapActivities(id, id);
        }
      }
      try {
        MigrationPlan plan = builder.build();
        LOG.debug("Migration plan {} -> {}: {} instructions; not mapped: {}", source.getId(), target.getId(),
            plan.getInstructions().size(), rejected);
        return plan;
      } catch (MigrationPlanValidationException e) {
        Set<String> failed = e.getValidationReport().getInstructionReports().stream()
            .filter(MigrationInstructionValidationReport::hasFailures)
            .map(r -> r.getMigrationInstruction().getSourceActivityId())
            .collect(Collectors.toCollection(TreeSet::new));
        if (failed.isEmpty() || !rejected.addAll(failed)) {
          throw e;
        }
      }
    }
  }

  /**
   * The ids of the elements that wait for a timer, a message or an error to trigger: boundary and intermediate
   * catch events, receive tasks, start events of event sub-processes. A version with other triggers is not
   * migrated: a new timer would count from the day of the migration instead of from its own start (the signing
   * target, decision deadlines) or read variables the older instances lack, and a removed one would drop a wait
   * the contract relies on.
   */
  static Set<String> triggers(BpmnModelInstance model) {
    Set<String> ids = new TreeSet<>();
    model.getModelElementsByType(BoundaryEvent.class).forEach(e -> ids.add(e.getId()));
    model.getModelElementsByType(IntermediateCatchEvent.class).forEach(e -> ids.add(e.getId()));
    model.getModelElementsByType(ReceiveTask.class).forEach(e -> ids.add(e.getId()));
    for (StartEvent start : model.getModelElementsByType(StartEvent.class)) {
      if (start.getParentElement() instanceof SubProcess sub && sub.triggeredByEvent()) {
        ids.add(start.getId());
      }
    }
    return ids;
  }

  private static Set<String> flowNodeIds(BpmnModelInstance model) {
    Set<String> ids = new LinkedHashSet<>();
    for (FlowNode node : model.getModelElementsByType(FlowNode.class)) {
      ids.add(node.getId());
    }
    return ids;
  }
}
