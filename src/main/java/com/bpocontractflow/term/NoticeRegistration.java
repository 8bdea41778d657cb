package com.bpocontractflow.term;

import static com.bpocontractflow.term.ServiceTermProcess.Vars.NOTICE_DELIVERY;
import static com.bpocontractflow.term.ServiceTermProcess.Vars.NOTICE_PARTY;
import static com.bpocontractflow.term.ServiceTermProcess.Vars.NOTICE_RECEIVED_DATE;
import static com.bpocontractflow.term.ServiceTermProcess.Vars.TERMINATION_REASON;
import static com.bpocontractflow.term.ServiceTermProcess.Vars.TERMINATION_WITH_CAUSE;

import com.bpocontractflow.contract.Contract;
import com.bpocontractflow.contract.ContractRepository;
import com.bpocontractflow.contract.Party;
import com.bpocontractflow.security.ApplicationActions;
import com.bpocontractflow.validation.InvalidInputException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.springframework.stereotype.Component;

/**
 * The step of {@code register-termination-notice}: checks the start form (the contract number and the
 * rules of the message), then delivers the message {@code TerminationNoticeReceived} to that contract's
 * {@code contract-term} instance — in the start's own transaction, as the staff member who submitted the
 * form. {@code contract-term} applies the notice exactly as it does for the integration endpoint (its
 * own checks, the last day of service, the e-mail). Any refusal (unknown contract, no service term waiting
 * for a notice, invalid data) rolls the start back: no registration instance, nothing recorded.
 */
@Component("noticeRegistration")
public class NoticeRegistration {

  private final ContractRepository contracts;
  private final ApplicationActions actions;

  public NoticeRegistration(ContractRepository contracts, ApplicationActions actions) {
    this.contracts = contracts;
    this.actions = actions;
  }

  public void register(DelegateExecution execution) {
    Map<String, Object> values = execution.getVariables();
    ServiceInputRules.forStep(NoticeRegistrationProcess.START_FORM).check(values);
    Contract contract = ContractBinding.bind(execution, contracts);
    String number = contract.contractNumber();
    Map<String, Object> message = new HashMap<>();
    for (String name : List.of(NOTICE_PARTY, NOTICE_RECEIVED_DATE, TERMINATION_REASON, TERMINATION_WITH_CAUSE)) {
      if (values.get(name) != null) {
        message.put(name, values.get(name));
      }
    }
    if (Party.PROVIDER.name().equals(values.get(NOTICE_PARTY))) {
      message.put(NOTICE_DELIVERY, values.get(NOTICE_DELIVERY));
    }
    Authentication user = execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
    String actor = user == null ? "system" : user.getUserId();
    try {
      // the staff member has no rights on contract-term instances: the application takes the step for them,
      // recorded under their name, as it does for a system through /api/integrations/termination-notices
      actions.run(actor, () -> execution.getProcessEngineServices().getRuntimeService()
          .createMessageCorrelation(ServiceTermProcess.Messages.TERMINATION_NOTICE_RECEIVED)
          .processInstanceBusinessKey(number).setVariables(message).correlateWithResult());
    } catch (MismatchingMessageCorrelationException nothingWaits) {
      throw new InvalidInputException("「合同编号」合同 " + number + " 不在服务期内（尚未上线，或服务已结束、正在结算），"
          + "不能登记解约通知；上线前请与客户经理协商取消合同");
    }
  }
}
