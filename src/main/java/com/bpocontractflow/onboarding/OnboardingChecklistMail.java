package com.bpocontractflow.onboarding;

import static com.bpocontractflow.signing.ContractSigningProcess.Vars.CONTRACT_ID;

import com.bpocontractflow.common.Clocks;
import com.bpocontractflow.contract.Contract;
import com.bpocontractflow.contract.ContractRepository;
import com.bpocontractflow.mail.MerchantMail;
import com.bpocontractflow.mail.MerchantMailer;
import com.bpocontractflow.merchant.MerchantLinks;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Sends the merchant its onboarding checklist (上线准备清单) once the deposit is settled, or none is due:
 * what training and integration need from it, with a link to the page where it marks each item provided.
 * {@link #remind} sends a reminder listing what is still not provided, and nothing when all is. Through the
 * outbox, in the step's transaction.
 */
@Component("onboardingChecklistMail")
public class OnboardingChecklistMail implements JavaDelegate {

  private static final Logger LOG = LoggerFactory.getLogger(OnboardingChecklistMail.class);
  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy年M月d日");

  private final ContractRepository contracts;
  private final MerchantMailer mailer;
  private final MerchantLinks links;
  private final OnboardingChecklist checklist;

  public OnboardingChecklistMail(ContractRepository contracts, MerchantMailer mailer, MerchantLinks links,
      OnboardingChecklist checklist) {
    this.contracts = contracts;
    this.mailer = mailer;
    this.links = links;
    this.checklist = checklist;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Contract contract = contracts.ofProcess(execution.getVariable(CONTRACT_ID), execution.getProcessBusinessKey());
    mailer.send(MerchantMail.ONBOARDING_CHECKLIST, contract, model(execution, contract));
  }

  /** The reminder (a timer on the onboarding): the items not yet marked provided, if any. */
  public void remind(DelegateExecution execution) {
    Contract contract = contracts.ofProcess(execution.getVariable(CONTRACT_ID), execution.getProcessBusinessKey());
    List<ChecklistItem> missing = checklist.answers(contract.id()).stream()
        .filter(answer -> !answer.provided()).map(OnboardingChecklist.Answer::item).toList();
    if (missing.isEmpty()) {
      LOG.info("Onboarding checklist of {} complete: no reminder", contract.contractNumber());
      return;
    }
    Map<String, Object> model = model(execution, contract);
    model.put("missingItems", missing);
    mailer.send(MerchantMail.ONBOARDING_CHECKLIST_REMINDER, contract, model, missing.size());
  }

  private Map<String, Object> model(DelegateExecution execution, Contract contract) {
    MerchantLinks.NewLink link = links.createChecklistLink(contract.id(), execution.getProcessInstanceId());
    Map<String, Object> model = new HashMap<>();
    model.put("checklistItems", List.of(ChecklistItem.values()));
    model.put("checklistLink", link.url());
    model.put("checklistLinkExpires", DAY.format(link.expiresAt().atZoneSameInstant(Clocks.ZONE)));
    return model;
  }
}
