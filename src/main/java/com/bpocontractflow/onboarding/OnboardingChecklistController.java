package com.bpocontractflow.onboarding;

import static com.bpocontractflow.signing.ContractSigningProcess.Vars.MERCHANT_PROVISIONS;

import com.bpocontractflow.common.Clocks;
import com.bpocontractflow.contract.Contract;
import com.bpocontractflow.contract.ContractRepository;
import com.bpocontractflow.contract.ContractStatus;
import com.bpocontractflow.mail.MerchantMailer;
import com.bpocontractflow.merchant.LinkStatus;
import com.bpocontractflow.merchant.MerchantAnswers;
import com.bpocontractflow.merchant.MerchantLink;
import com.bpocontractflow.merchant.MerchantLinks;
import com.bpocontractflow.security.ApplicationActions;
import com.bpocontractflow.security.StaffAuthentication;
import com.bpocontractflow.signing.ContractSigningProcess.Tasks;
import com.bpocontractflow.validation.InvalidInputException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.format.DateTimeFormatter;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.TaskService;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.support.TransactionTemplate;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The merchant's onboarding checklist page ({@code /m/<token>/onboarding}, link from the checklist e-mail):
 * the merchant marks per item what it has provided, with a short note, as often as it likes until go-live;
 * from go-live on the page shows the answers read-only. A forged, altered or expired link gets the page that
 * says so. The open onboarding tasks show the answers as soon as they are saved.
 */
@Controller
class OnboardingChecklistController {

  /** The onboarding tasks whose read-only field shows the merchant's answers. */
  static final List<String> ONBOARDING_TASKS = List.of(Tasks.CONDUCT_TRAINING, Tasks.ASSESS_TRAINING,
      Tasks.AUTHORIZE_SUBACCOUNTS, Tasks.CONFIGURE_CS_SOFTWARE, Tasks.APPROVE_GO_LIVE);

  private static final DateTimeFormatter DAY_TIME = DateTimeFormatter.ofPattern("yyyy年M月d日 HH:mm");

  private final MerchantLinks links;
  private final ContractRepository contracts;
  private final OnboardingChecklist checklist;
  private final MerchantMailer mailer;
  private final StaffAuthentication staff;
  private final TaskService taskService;
  private final ApplicationActions actions;
  private final TransactionTemplate transaction;

  OnboardingChecklistController(MerchantLinks links, ContractRepository contracts, OnboardingChecklist checklist,
      MerchantMailer mailer, StaffAuthentication staff, TaskService taskService, ApplicationActions actions,
      TransactionTemplate transaction) {
    this.links = links;
    this.contracts = contracts;
    this.checklist = checklist;
    this.mailer = mailer;
    this.staff = staff;
    this.taskService = taskService;
    this.actions = actions;
    this.transaction = transaction;
  }

  /** Whether the merchant may still change its answers: the contract is formed and not yet live. */
  static boolean open(Contract contract) {
    return ContractStatus.SIGNED.name().equals(contract.status())
        || ContractStatus.DEPOSIT_PAID.name().equals(contract.status());
  }

  @GetMapping("/m/{token}/onboarding")
  String show(@PathVariable String token, Model model, HttpServletResponse response) {
    MerchantLinks.Resolved resolved = links.resolveChecklist(token);
    if (resolved.status() != LinkStatus.VALID) {
      return refused(resolved.status(), model, response);
    }
    return page(token, resolved.link(), model, List.of(), false);
  }

  @PostMapping("/m/{token}/onboarding")
  String save(@PathVariable String token, @RequestParam Map<String, String> form, Model model,
      HttpServletRequest request, HttpServletResponse response) {
    MerchantLinks.Resolved resolved = links.resolveChecklist(token);
    if (resolved.status() != LinkStatus.VALID) {
      return refused(resolved.status(), model, response);
    }
    MerchantLink link = resolved.link();
    Contract contract = contracts.get(link.contractId());
    if (!open(contract)) {
      response.setStatus(HttpServletResponse.SC_CONFLICT);
      return page(token, link, model, List.of("服务已正式上线，上线准备清单不能再修改。如需补充，请直接回复邮件联系我们。"), false);
    }
    Map<ChecklistItem, OnboardingChecklist.Submitted> submitted = new EnumMap<>(ChecklistItem.class);
    for (ChecklistItem item : ChecklistItem.values()) {
      submitted.put(item, new OnboardingChecklist.Submitted("on".equals(form.get("provided_" + item.name())),
          form.get("note_" + item.name())));
    }
    String by = staff.sessionUser(request).map(user -> "员工 " + user + " 通过商家链接代为登记")
        .orElse(MerchantAnswers.ANSWERED_BY_PREFIX + "（邮件链接）");
    try {
      transaction.executeWithoutResult(status -> {
        checklist.save(contract.id(), submitted, by);
        String summary = checklist.summary(contract.id());
        actions.run(MerchantAnswers.MERCHANT_USER, () -> taskService.createTaskQuery()
            .processInstanceId(link.processInstanceId())
            .taskDefinitionKeyIn(ONBOARDING_TASKS.toArray(String[]::new)).list()
            .forEach(task -> taskService.setVariableLocal(task.getId(), MERCHANT_PROVISIONS, summary)));
      });
    } catch (InvalidInputException e) {
      response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
      model.addAttribute("form", form);
      return page(token, link, model, e.getProblems(), false);
    }
    return page(token, link, model, List.of(), true);
  }

  private String page(String token, MerchantLink link, Model model, List<String> problems, boolean saved) {
    Contract contract = contracts.get(link.contractId());
    model.addAllAttributes(mailer.model(contract));
    model.addAttribute("token", token);
    model.addAttribute("problems", problems);
    model.addAttribute("saved", saved);
    model.addAttribute("editable", open(contract));
    model.addAttribute("answers", checklist.answers(contract.id()));
    model.addAttribute("dayTime", DAY_TIME.withZone(Clocks.ZONE));
    if (!model.containsAttribute("form")) {
      model.addAttribute("form", Map.of());
    }
    return "merchant/onboarding-checklist";
  }

  private static String refused(LinkStatus status, Model model, HttpServletResponse response) {
    response.setStatus(status.httpStatus());
    model.addAttribute("status", status);
    return "merchant/refused";
  }
}
