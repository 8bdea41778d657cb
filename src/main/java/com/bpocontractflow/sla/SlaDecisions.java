package com.bpocontractflow.sla;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.temporal.ChronoUnit;
import java.util.Comparator;
import java.util.Date;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.RepositoryService;
import org.camunda.bpm.engine.repository.DecisionDefinition;
import org.camunda.bpm.engine.repository.Deployment;
import org.springframework.stereotype.Component;

/**
 * The deployed versions of the {@code sla-compensation} table. A contract's document is written from the
 * latest version, and that version's id is stored with the document ({@code contract_document.sla_decision_id});
 * the contract's SLA reviews evaluate that same version, so a table deployed later changes only the
 * contracts written after it (Civil Code art. 543: what was agreed changes only by agreement).
 */
@Component
public class SlaDecisions {

  public static final String KEY = "sla-compensation";

  /** One deployed version: its decision definition id, its version number and its rows. */
  public record Pinned(String decisionDefinitionId, int version, SlaRemedyTable table) {
  }

  private final RepositoryService repository;
  /** Deployed definitions never change: their rows are read once. */
  private final Map<String, Pinned> byId = new ConcurrentHashMap<>();

  public SlaDecisions(RepositoryService repository) {
    this.repository = repository;
  }

  /** The latest deployed version: the one a contract written now states. */
  public Pinned current() {
    DecisionDefinition latest = repository.createDecisionDefinitionQuery().decisionDefinitionKey(KEY)
        .latestVersion().singleResult();
    if (latest == null) {
      throw new IllegalStateException("Decision " + KEY + " is not deployed");
    }
    return byId(latest.getId());
  }

  public Pinned byId(String decisionDefinitionId) {
    return byId.computeIfAbsent(decisionDefinitionId, id -> {
      DecisionDefinition definition = repository.getDecisionDefinition(id);
      return new Pinned(id, definition.getVersion(), SlaRemedyTable.of(repository.getDmnModelInstance(id)));
    });
  }

  /**
   * The version a contract was signed with: the one stored with its document; for a document written
   * before versions were stored, the latest version deployed by the time it was written (the first one
   * if none was).
   */
  public Pinned forDocument(String decisionDefinitionId, OffsetDateTime documentCreated) {
    if (decisionDefinitionId != null) {
      return byId(decisionDefinitionId);
    }
    if (documentCreated == null) {
      return current();
    }
    // documents are stamped to the second: a version deployed within that second counts as deployed before
    Instant written = documentCreated.toInstant().truncatedTo(ChronoUnit.SECONDS);
    return repository.createDecisionDefinitionQuery().decisionDefinitionKey(KEY).list().stream()
        .filter(definition -> !deploymentTime(definition).toInstant().truncatedTo(ChronoUnit.SECONDS).isAfter(written))
        .max(Comparator.comparingInt(DecisionDefinition::getVersion))
        .map(definition -> byId(definition.getId()))
        .orElseGet(this::first);
  }

  /** The first version: for a document older than every deployment of the table (not expected). */
  private Pinned first() {
    return byId(repository.createDecisionDefinitionQuery().decisionDefinitionKey(KEY).decisionDefinitionVersion(1)
        .singleResult().getId());
  }

  private Date deploymentTime(DecisionDefinition definition) {
    Deployment deployment = repository.createDeploymentQuery().deploymentId(definition.getDeploymentId()).singleResult();
    return deployment.getDeploymentTime();
  }
}
