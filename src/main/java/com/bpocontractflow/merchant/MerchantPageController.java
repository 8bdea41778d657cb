package com.bpocontractflow.merchant;

import com.bpocontractflow.contract.ClauseSets;
import com.bpocontractflow.contract.Contract;
import com.bpocontractflow.contract.ContractRepository;
import com.bpocontractflow.contract.SignerAuthority;
import com.bpocontractflow.document.ContractDocuments;
import com.bpocontractflow.document.DocumentResponses;
import com.bpocontractflow.mail.MerchantMailer;
import com.bpocontractflow.security.StaffAuthentication;
import com.bpocontractflow.signing.ContractSigningProcess.Vars;
import com.bpocontractflow.signing.ProposalDecision;
import com.bpocontractflow.signing.ProposalQuotes;
import com.bpocontractflow.signing.RoundChanges;
import com.bpocontractflow.signing.SigningProperties;
import com.bpocontractflow.term.DataDisposal;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartFile;

/**
 * The pages a merchant opens from an e-mail link ({@code /m/<token>}), without an account. Each page shows
 * only the contract its link is bound to; a link that is forged, altered, expired, used or out of date gets
 * a page that says so and changes nothing.
 */
@Controller
class MerchantPageController {

  /** The six key clauses, in the order of the contract. */
  static final List<String> CLAUSES = List.of("服务范围与标准", "费用与支付方式", "数据安全与保密", "违约责任与赔偿",
      "合同期限与续签/解约", "纠纷解决方式");

  private static final DateTimeFormatter DAY_TIME = DateTimeFormatter.ofPattern("yyyy年M月d日 HH:mm");

  private final MerchantLinks links;
  private final MerchantAnswers answers;
  private final ContractRepository contracts;
  private final ContractDocuments documents;
  private final MerchantMailer mailer;
  private final StaffAuthentication staff;
  private final RoundChanges roundChanges;
  private final ClauseSets clauseSets;
  private final SigningCodes codes;
  private final SigningProperties signing;
  private final RuntimeService runtimeService;

  MerchantPageController(MerchantLinks links, MerchantAnswers answers, ContractRepository contracts,
      ContractDocuments documents, MerchantMailer mailer, StaffAuthentication staff, RoundChanges roundChanges,
      ClauseSets clauseSets, SigningCodes codes, SigningProperties signing, RuntimeService runtimeService) {
    this.runtimeService = runtimeService;
    this.clauseSets = clauseSets;
    this.codes = codes;
    this.signing = signing;
    this.staff = staff;
    this.roundChanges = roundChanges;
    this.links = links;
    this.answers = answers;
    this.contracts = contracts;
    this.documents = documents;
    this.mailer = mailer;
  }

  @GetMapping("/m/{token}")
  String open(@PathVariable String token, Model model, HttpServletResponse response) {
    MerchantLinks.Resolved resolved = links.resolve(token);
    if (resolved.status() != LinkStatus.VALID) {
      return refused(resolved.status(), model, response);
    }
    return page(token, resolved.link(), model, List.of(), Map.of());
  }

  @PostMapping("/m/{token}")
  String answer(@PathVariable String token, @RequestParam Map<String, String> form,
      @RequestParam(name = "authorityDocument", required = false) MultipartFile authorityDocument, Model model,
      HttpServletRequest request, HttpServletResponse response) {
    MerchantLinks.Resolved resolved = links.resolve(token);
    if (resolved.status() != LinkStatus.VALID) {
      return refused(resolved.status(), model, response);
    }
    MerchantAnswers.Client client = new MerchantAnswers.Client(request.getRemoteAddr(),
        String.valueOf(request.getHeader("User-Agent")), staff.sessionUser(request).orElse(null));
    MerchantAnswers.Outcome outcome = switch (resolved.link().stepValue()) {
      case PROPOSAL_ANSWER -> answers.answerProposal(token, form.get("decision"), form.get("comment"),
          "on".equals(form.get("confirmDecline")), client);
      case CLAUSE_REVIEW -> answers.answerClauses(token, "true".equals(form.get("agreed")), clauseFeedback(form), client);
      case E_SIGNATURE -> answers.sign(token, form.get("signerName"), "on".equals(form.get("consent")),
          form.get("documentSha256"), new MerchantAnswers.SignerIdentity(form.get("code"), form.get("authority"),
              upload(authorityDocument)), client);
      case COUNTERSIGNED_COPY -> answers.confirmReturn(token, form.get("courierCompany"), form.get("trackingNumber"),
          client);
      case DATA_CHOICE -> answers.chooseData(token, form.get("choice"), form.get("returnFormat"), client);
    };
    if (outcome.refusal() != null) {
      return refused(outcome.refusal(), model, response);
    }
    if (!outcome.accepted()) {
      response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
      return page(token, resolved.link(), model, outcome.problems(), form);
    }
    Contract contract = contracts.get(resolved.link().contractId());
    model.addAllAttributes(mailer.model(contract));
    model.addAttribute("step", resolved.link().stepValue());
    return "merchant/answered";
  }

  /**
   * Sends the one-time code for the signing link to the contract's notice e-mail and shows the page again
   * with the masked address. Like the page's other forms it is posted to the link itself: only who holds
   * the link can ask, and the page's policy lets forms post only to us.
   */
  @PostMapping("/m/{token}/code")
  String sendCode(@PathVariable String token, Model model, HttpServletResponse response) {
    SigningCodes.Sent sent = codes.send(token);
    if (sent.refusal() != null) {
      return refused(sent.refusal(), model, response);
    }
    MerchantLink link = links.resolve(token).link();
    if (!sent.sent()) {
      response.setStatus(HttpStatus.TOO_MANY_REQUESTS.value());
      return page(token, link, model, List.of(sent.problem()), Map.of());
    }
    model.addAttribute("codeSentTo", sent.maskedRecipient());
    return page(token, link, model, List.of(), Map.of());
  }

  /**
   * An upload larger than the server accepts at all (spring.servlet.multipart): 413 with the signing page
   * and a zh-CN message; uploads up to that size are checked against the configured limit by the answer.
   */
  @ExceptionHandler(MaxUploadSizeExceededException.class)
  String uploadTooLarge(HttpServletRequest request, Model model, HttpServletResponse response) {
    String path = request.getRequestURI();
    String token = path.substring(path.lastIndexOf('/') + 1);
    MerchantLinks.Resolved resolved = links.resolve(token);
    if (resolved.status() != LinkStatus.VALID) {
      return refused(resolved.status(), model, response);
    }
    response.setStatus(HttpStatus.PAYLOAD_TOO_LARGE.value());
    return page(token, resolved.link(), model, List.of(AuthorityDocuments.LABEL + "文件过大：最大 "
        + signing.authorityDocumentMaxSize().toMegabytes() + " MB，请压缩后重新上传"), Map.of());
  }

  private static AuthorityDocuments.Upload upload(MultipartFile file) {
    if (file == null) {
      return null;
    }
    try {
      return new AuthorityDocuments.Upload(file.getOriginalFilename(), file.getBytes());
    } catch (java.io.IOException e) {
      return new AuthorityDocuments.Upload(file.getOriginalFilename(), new byte[0]);
    }
  }

  private String page(String token, MerchantLink link, Model model, List<String> problems, Map<String, String> form) {
    Contract contract = contracts.get(link.contractId());
    model.addAllAttributes(mailer.model(contract));
    model.addAttribute("token", token);
    model.addAttribute("step", link.stepValue());
    model.addAttribute("expiresAt", DAY_TIME.format(link.expiresAt().atZoneSameInstant(com.bpocontractflow.common.Clocks.ZONE)));
    model.addAttribute("problems", problems);
    model.addAttribute("form", form);
    model.addAttribute("clauses", CLAUSES);
    model.addAttribute("decisions", ProposalDecision.values());
    // every step before formation offers the withdrawal; the data choice comes after the service
    model.addAttribute("withdrawable", link.stepValue() != MerchantStep.DATA_CHOICE);
    if (link.stepValue() == MerchantStep.PROPOSAL_ANSWER) {
      // the quote stored when the proposal was sent, and its service levels: the figures of the e-mail
      Map<String, Object> variables = runtimeService.getVariables(link.processInstanceId(), List.of(Vars.QUOTE,
          Vars.FIRST_RESPONSE_MINUTES, Vars.SATISFACTION_TARGET));
      model.addAllAttributes(ProposalQuotes.model(variables.get(Vars.QUOTE)));
      model.addAttribute("firstResponseMinutes", variables.get(Vars.FIRST_RESPONSE_MINUTES));
      model.addAttribute("satisfactionTarget", variables.get(Vars.SATISFACTION_TARGET));
    }
    if (link.stepValue() == MerchantStep.DATA_CHOICE) {
      model.addAttribute("dataChoices", DataDisposal.values());
      model.addAttribute("dataCategories", clauseSets.latest(contract.id()).orElse(Map.of()).get("dataCategories"));
    }
    if (link.stepValue() == MerchantStep.E_SIGNATURE || link.stepValue() == MerchantStep.CLAUSE_REVIEW) {
      ShownDocument shown = shownDocument(contract);
      model.addAttribute("document", shown);
      if (link.stepValue() == MerchantStep.CLAUSE_REVIEW) {
        // from the second round on: what changed since the previous one, as staff see it (none in round 1)
        model.addAttribute("changes", roundChanges.since(contract.id(), shown.version()).orElse(null));
      }
    }
    if (link.stepValue() == MerchantStep.E_SIGNATURE) {
      model.addAttribute("codeRecipient", SigningCodes.mask(codes.recipient(contract)));
      model.addAttribute("codeValidMinutes", signing.otpValidity().toMinutes());
      model.addAttribute("authorities", SignerAuthority.values());
      model.addAttribute("authorityMaxMegabytes", signing.authorityDocumentMaxSize().toMegabytes());
    }
    return "merchant/" + link.stepValue().name().toLowerCase().replace('_', '-');
  }

  /** The contract's PDF, as version shown on the review or signing page; the link stays usable. */
  @GetMapping("/m/{token}/contract.pdf")
  ResponseEntity<byte[]> pdf(@PathVariable String token) {
    MerchantLinks.Resolved resolved = links.resolve(token);
    MerchantStep step = resolved.link() == null ? null : resolved.link().stepValue();
    if (resolved.status() != LinkStatus.VALID || (step != MerchantStep.CLAUSE_REVIEW && step != MerchantStep.E_SIGNATURE)) {
      return ResponseEntity.status(resolved.status() == LinkStatus.VALID ? HttpStatus.NOT_FOUND.value()
          : resolved.status().httpStatus()).build();
    }
    Contract contract = contracts.get(resolved.link().contractId());
    ShownDocument shown = shownDocument(contract);
    return DocumentResponses.pdf(contract.contractNumber(), shown.version(),
        documents.pdf(contract.id(), shown.version()).orElseThrow());
  }

  /** The latest stored version of the contract, as the merchant reads and signs it. */
  record ShownDocument(int version, String html, String pdfSha256) {
  }

  private ShownDocument shownDocument(Contract contract) {
    ContractDocuments.Version current = documents.current(contract);
    return new ShownDocument(current.version(), documents.html(contract.id(), current.version()).orElseThrow(),
        current.pdfSha256());
  }

  private static String refused(LinkStatus status, Model model, HttpServletResponse response) {
    response.setStatus(status.httpStatus());
    model.addAttribute("status", status);
    return "merchant/refused";
  }

  /** The per-clause comments as one text, each led by its clause's name. */
  static String clauseFeedback(Map<String, String> form) {
    List<String> lines = new ArrayList<>();
    for (int i = 0; i < CLAUSES.size(); i++) {
      String comment = form.get("clause" + i);
      if (comment != null && !comment.isBlank()) {
        lines.add("【" + CLAUSES.get(i) + "】" + comment.trim());
      }
    }
    return String.join("\n", lines);
  }

}
