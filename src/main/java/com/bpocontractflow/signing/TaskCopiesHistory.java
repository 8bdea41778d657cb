package com.bpocontractflow.signing;

import static com.bpocontractflow.signing.ContractSigningProcess.Vars.CLAUSE_DEVIATION_SUMMARY;
import static com.bpocontractflow.signing.ContractSigningProcess.Vars.CONTRACT_NUMBER;
import static com.bpocontractflow.signing.ContractSigningProcess.Vars.FORUM_VENUE_CHOICES;
import static com.bpocontractflow.signing.ContractSigningProcess.Vars.MERCHANT_NAME;

import com.bpocontractflow.validation.InputRules;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.history.event.HistoryEvent;
import org.camunda.bpm.engine.impl.history.event.HistoricVariableUpdateEventEntity;
import org.camunda.bpm.engine.impl.history.handler.HistoryEventHandler;
import org.springframework.stereotype.Component;

/**
 * Keeps the task's own copies of values that are recorded elsewhere out of the engine's history.
 *
 * <p>{@link UserTaskListener} writes, as variables of the task itself, what a form or a task card shows: the
 * clause fields of {@code draft-contract} and {@code revise-clauses} (prefilled, then overwritten by the
 * submission), the two texts shown beside them, and the contract number and merchant on every task. They end
 * with the task. Their record is elsewhere: the submitted clauses are a version of the contract's clause set
 * ({@code contract_clause_set}, with who submitted them), the contract number and merchant are variables of the
 * process and columns of the contract. With {@code history-level: full} each of these copies also cost a row
 * in {@code ACT_HI_VARINST} and one in {@code ACT_HI_DETAIL} per write, and a read and an update of the history
 * when the task ended: about 190 of the application's 1,540 statements per contract in the benchmark's
 * lifecycle (docs/performance.md), and, for the clauses, a second copy of the merchant's personal data in the
 * history for the whole history time to live (PIPL art. 6 and 19: no more data, and no longer, than the purpose
 * needs).
 *
 * <p>This plugin wraps the engine's history event handler and drops the variable events (create, update,
 * delete, migrate) of a task's own variable with one of those names; every other event, process variables of
 * the same names included, reaches the history as before. The decision depends only on the variable's task and
 * name, which never change, so a copy has either all of its history or none (a copy written before this plugin
 * keeps its history row, which then does not record the copy's deletion).
 */
@Component
public class TaskCopiesHistory extends AbstractProcessEnginePlugin {

  /** The names of the task's own copies ({@link UserTaskListener}) that are not written to the history. */
  static final Set<String> COPIES = copies();

  @Override
  public void postInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setHistoryEventHandler(new WithoutTaskCopies(configuration.getHistoryEventHandler()));
  }

  /** Whether {@code event} is a variable event of a task's own copy. */
  static boolean isTaskCopy(HistoryEvent event) {
    return event instanceof HistoricVariableUpdateEventEntity variable && variable.getTaskId() != null
        && COPIES.contains(variable.getVariableName());
  }

  private static Set<String> copies() {
    Set<String> names = new HashSet<>();
    ClauseRules.RULES.stream().map(InputRules.Rule::key).forEach(names::add);
    names.addAll(List.of(CLAUSE_DEVIATION_SUMMARY, FORUM_VENUE_CHOICES, CONTRACT_NUMBER, MERCHANT_NAME));
    return Set.copyOf(names);
  }

  /** The engine's handler, without the task copies' variable events. */
  record WithoutTaskCopies(HistoryEventHandler handler) implements HistoryEventHandler {

    @Override
    public void handleEvent(HistoryEvent event) {
      if (!isTaskCopy(event)) {
        handler.handleEvent(event);
      }
    }

    @Override
    public void handleEvents(List<HistoryEvent> events) {
      handler.handleEvents(events.stream().filter(event -> !isTaskCopy(event)).toList());
    }
  }
}
