package com.bpocontractflow.signing;

import static com.bpocontractflow.signing.ContractSigningProcess.Vars.WITHDRAWAL_REASON;
import static com.bpocontractflow.signing.ContractSigningProcess.Vars.WITHDRAWN_BY;

import com.bpocontractflow.common.Clocks;
import com.bpocontractflow.contract.Contract;
import com.bpocontractflow.security.ApplicationActions;
import com.bpocontractflow.signing.SigningWithdrawal.Party;
import com.bpocontractflow.validation.InvalidInputException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.stereotype.Service;

/**
 * Withdraws (merchant) or cancels (provider) a signing for someone the engine does not let act on the
 * contract's instance: the merchant through its link, a sales member or manager through the start form
 * 取消合同. Both deliver {@code SigningWithdrawn} as {@code POST /api/integrations/withdrawals} does, in the
 * caller's transaction, recorded under {@code actor} ({@link ApplicationActions}); its step
 * {@link SigningWithdrawal} applies the offer rules ({@link SigningOffers}) and refuses by rolling back.
 */
@Service
public class SigningWithdrawals {

  private final RuntimeService runtimeService;
  private final ApplicationActions actions;

  public SigningWithdrawals(RuntimeService runtimeService, ApplicationActions actions) {
    this.runtimeService = runtimeService;
    this.actions = actions;
  }

  /** Why {@code party} cannot withdraw from or cancel the contract's signing now ({@link SigningOffers}). */
  public Optional<String> refusal(Contract contract, Party party) {
    String instance = contract.processInstanceId();
    boolean running = contract.statusValue().openBeforeFormation() && instance != null
        && actions.as("system", () -> runtimeService.createProcessInstanceQuery().processInstanceId(instance).count() > 0);
    Object quoteValidUntil = running
        ? actions.as("system", () -> runtimeService.getVariable(instance, SigningOffers.QUOTE_VALID_UNTIL)) : null;
    boolean quoteAwaitsAnswer = running && actions.as("system", () -> quoteAwaitsAnswer(runtimeService, instance));
    return SigningOffers.refusal(contract, party, quoteValidUntil, quoteAwaitsAnswer, Clocks.today());
  }

  /**
   * Whether the contract's quote awaits the merchant's answer (the process waits at confirm-proposal), for the
   * acceptance period's rule of {@link SigningOffers}; the caller runs it with the rights to read the instance.
   */
  static boolean quoteAwaitsAnswer(RuntimeService runtimeService, String processInstanceId) {
    return runtimeService.createExecutionQuery().processInstanceId(processInstanceId)
        .activityId(ContractSigningProcess.Tasks.CONFIRM_PROPOSAL).count() > 0;
  }

  /**
   * Ends the signing as {@code party}, with {@code reason}, as {@code actor}; throws
   * {@link InvalidInputException} (zh-CN) when the rules refuse it, changing nothing.
   */
  public void withdraw(String actor, Contract contract, Party party, String reason) {
    refusal(contract, party).ifPresent(refusal -> {
      throw new InvalidInputException(refusal);
    });
    Map<String, Object> variables = new HashMap<>();
    variables.put(WITHDRAWN_BY, party.name());
    variables.put(WITHDRAWAL_REASON, reason == null || reason.isBlank() ? null : reason.trim());
    try {
      actions.run(actor, () -> runtimeService.createMessageCorrelation(ContractSigningProcess.Messages.SIGNING_WITHDRAWN)
          .processInstanceId(contract.processInstanceId()).setVariables(variables).correlateWithResult());
    } catch (MismatchingMessageCorrelationException nothingWaits) {
      throw new InvalidInputException("合同 " + contract.contractNumber() + " 当前没有进行中的签约，不能撤回或取消");
    }
  }
}
