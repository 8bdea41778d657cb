package com.bpocontractflow.security;

import com.bpocontractflow.team.Teams;
import java.util.Set;

/**
 * What a feature declares about who reaches its process through the engine: the teams that start it, the
 * teams that read its definition (Tasklist shows their tasks' diagrams and forms), and the messages the
 * outside world correlates that must reach exactly one contract. Each feature declares its processes as
 * beans of this type beside the process; {@link TeamAuthorizations} turns them into the engine's
 * authorizations and {@link EngineGuards} guards the messages, so the security package knows no feature.
 * Working a task needs no declaration: the engine grants it to the task's candidate group (docs/access.md).
 *
 * @param processKey the process definition key
 * @param startedBy teams that start instances (READ and CREATE_INSTANCE on the definition)
 * @param readBy teams that only read the definition
 * @param singleContractMessages message names correlated by business key or process instance, never to all
 */
public record ProcessAccess(String processKey, Set<Teams> startedBy, Set<Teams> readBy,
    Set<String> singleContractMessages) {

  public ProcessAccess {
    startedBy = Set.copyOf(startedBy);
    readBy = Set.copyOf(readBy);
    singleContractMessages = Set.copyOf(singleContractMessages);
  }

  public ProcessAccess(String processKey, Set<Teams> startedBy, Set<Teams> readBy) {
    this(processKey, startedBy, readBy, Set.of());
  }
}
