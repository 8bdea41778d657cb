package com.bpocontractflow.onboarding;

import static com.bpocontractflow.signing.ContractSigningProcess.Vars.CONTRACT_ID;

import com.bpocontractflow.contract.Contract;
import com.bpocontractflow.contract.ContractRepository;
import com.bpocontractflow.mail.MerchantMail;
import com.bpocontractflow.mail.MerchantMailer;
import com.bpocontractflow.merchant.MerchantLinks;
import com.bpocontractflow.validation.Clocks;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.JavaDelegate;
import org.springframework.stereotype.Component;

/**
 * Sends the merchant its onboarding checklist (上线准备清单) once the deposit is settled, or none is due:
 * what training and integration need from it, with a link to the page where it marks each item provided.
 * Through the outbox, in the step's transaction.
 */
@Component("onboardingChecklistMail")
public class OnboardingChecklistMail implements JavaDelegate {

  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy年M月d日");

  private final ContractRepository contracts;
  private final MerchantMailer mailer;
  private final MerchantLinks links;

  public OnboardingChecklistMail(ContractRepository contracts, MerchantMailer mailer, MerchantLinks links) {
    this.contracts = contracts;
    this.mailer = mailer;
    this.links = links;
  }

  @Override
  public void execute(DelegateExecution execution) {
    Contract contract = contracts.ofProcess(execution.getVariable(CONTRACT_ID), execution.getProcessBusinessKey());
    MerchantLinks.NewLink link = links.createChecklistLink(contract.id(), execution.getProcessInstanceId());
    mailer.send(MerchantMail.ONBOARDING_CHECKLIST, contract, Map.of(
        "checklistItems", List.of(ChecklistItem.values()),
        "checklistLink", link.url(),
        "checklistLinkExpires", DAY.format(link.expiresAt().atZoneSameInstant(Clocks.ZONE))));
  }
}
