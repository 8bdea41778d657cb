package com.bpocontractflow.merchant;

import static com.bpocontractflow.signing.ContractSigningProcess.Vars.*;
import static com.bpocontractflow.validation.InputRules.choice;
import static com.bpocontractflow.validation.InputRules.text;

import com.bpocontractflow.contract.ClauseSets;
import com.bpocontractflow.contract.Contract;
import com.bpocontractflow.contract.SignerAuthority;
import com.bpocontractflow.document.ContractDocuments;
import com.bpocontractflow.contract.ContractRepository;
import com.bpocontractflow.security.ApplicationActions;
import com.bpocontractflow.signing.ContractSigningProcess.Messages;
import com.bpocontractflow.validation.InputRules;
import com.bpocontractflow.validation.InvalidInputException;
import com.bpocontractflow.term.DataDisposal;
import com.bpocontractflow.term.DataDisposals;
import com.bpocontractflow.term.ServiceTermProcess;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.task.Task;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Applies a merchant's answer given through a link. The answer sets the same variables, passes the same
 * server-side validation and completes the same task (or correlates the same message) as staff recording
 * it in Tasklist; the engine records the user {@value #MERCHANT_USER} and the variable {@code answeredBy}
 * says who answered. The link is used in the same transaction: a refused answer leaves it usable and
 * changes nothing. The merchant has no engine identity: the application takes the step
 * ({@link ApplicationActions}). A staff member who opens a merchant's link in a browser logged in to the
 * web apps answers as themselves, recorded as such; outside the demo they cannot sign for the merchant.
 */
@Service
public class MerchantAnswers {

  /** The user id under which answers through links are recorded in the engine's history. */
  public static final String MERCHANT_USER = "merchant";
  /** The group that earlier versions gave engine rights for link answers; it holds none now. */
  public static final String MERCHANT_GROUP = "merchant-links";
  /** The longest {@code answeredBy} the records that carry it can hold. */
  static final int ANSWERED_BY_MAX = 100;
  /**
   * How {@code answeredBy} (and the review rounds and signature records that copy it) starts for an answer
   * through a link; staff answers carry a user id instead. The retention job anonymises values with it.
   */
  public static final String ANSWERED_BY_PREFIX = "商家 ";

  public static final InputRules RETURN_SHIPMENT = InputRules.of(
      text(RETURN_COURIER_COMPANY, "快递公司").length(2, 40),
      text(RETURN_TRACKING_NUMBER, "快递单号").length(1, 30).matches("^[A-Za-z0-9-]{6,30}$", "只能包含字母、数字和 -（6 到 30 位）"));

  /**
   * The signer on the signing page: a name, a declared capacity, and — for the legal representative — the
   * name the signed clause version registers as the merchant's legal representative.
   */
  public static final InputRules SIGNER = InputRules.of(
      text(SIGNER_NAME, "签署人姓名").length(1, 50),
      choice(SIGNER_AUTHORITY, "签署人身份", SignerAuthority.class),
      text(SIGNER_NAME, "签署人姓名").length(1, 50)
          .when(values -> SignerAuthority.LEGAL_REPRESENTATIVE.name().equals(values.get(SIGNER_AUTHORITY))
              && !InputRules.isBlank(values.get(SIGNER_NAME)))
          .andProblem((name, values) -> legalRepresentativeProblem((String) name, values.get(MERCHANT_LEGAL_REPRESENTATIVE))));

  private final MerchantLinks links;
  private final ContractRepository contracts;
  private final ContractDocuments documents;
  private final TaskService taskService;
  private final RuntimeService runtimeService;
  private final ApplicationActions actions;
  private final TransactionTemplate transaction;
  private final boolean demo;
  private final DataDisposals dataDisposals;
  private final SigningCodes codes;
  private final AuthorityDocuments authorityDocuments;
  private final ClauseSets clauseSets;

  public MerchantAnswers(MerchantLinks links, ContractRepository contracts, ContractDocuments documents,
      TaskService taskService, RuntimeService runtimeService, ApplicationActions actions,
      TransactionTemplate transaction, @Value("${bpo.demo.enabled:false}") boolean demo, DataDisposals dataDisposals,
      SigningCodes codes, AuthorityDocuments authorityDocuments, ClauseSets clauseSets) {
    this.dataDisposals = dataDisposals;
    this.codes = codes;
    this.authorityDocuments = authorityDocuments;
    this.clauseSets = clauseSets;
    this.links = links;
    this.contracts = contracts;
    this.documents = documents;
    this.taskService = taskService;
    this.runtimeService = runtimeService;
    this.actions = actions;
    this.transaction = transaction;
    this.demo = demo;
  }

  public Outcome answerProposal(String token, String decision, String comment, boolean declineConfirmed,
      Client client) {
    return answer(token, MerchantStep.PROPOSAL_ANSWER, client, (link, contract) -> {
      // declining ends the signing: the merchant confirms it, so that a mis-tap cannot end it
      if ("DECLINED".equals(decision) && !declineConfirmed) {
        throw new InvalidInputException("拒绝方案后本次签约即告结束。如确认拒绝，请勾选“我确认拒绝本方案”后再提交");
      }
      Map<String, Object> variables = answeredBy(contract, client);
      variables.put(PROPOSAL_DECISION, blankToNull(decision));
      variables.put(PROPOSAL_COMMENT, blankToNull(comment));
      completeTask(link, variables);
    });
  }

  public Outcome answerClauses(String token, boolean agreed, String feedback, Client client) {
    return answer(token, MerchantStep.CLAUSE_REVIEW, client, (link, contract) -> {
      Map<String, Object> variables = answeredBy(contract, client);
      variables.put(CLAUSES_AGREED, agreed);
      variables.put(CLAUSE_FEEDBACK, agreed ? null : blankToNull(feedback));
      completeTask(link, variables);
    });
  }

  /**
   * What identifies the signer beyond the typed name: the one-time code from the e-mail, the capacity
   * declared ({@link SignerAuthority} name) and, for an authorised signatory, the power of attorney.
   */
  public record SignerIdentity(String code, String authority, AuthorityDocuments.Upload authorityDocument) {
  }

  /**
   * Signs the version shown, once the one-time code is right (checked first, in its own transaction, so that
   * a wrong code stays counted) and the declared authority holds: a legal representative's name must be the
   * one in the signed clause version; an authorised signatory uploads the power of attorney.
   */
  public Outcome sign(String token, String signerName, boolean consent, String shownDocumentSha256,
      SignerIdentity identity, Client client) {
    MerchantLinks.Resolved shown = links.resolve(token);
    SigningCodes.Verification verification = null;
    if (shown.status() == LinkStatus.VALID && shown.link().stepValue() == MerchantStep.E_SIGNATURE) {
      try {
        verification = codes.verify(shown.link().id(), identity.code());
      } catch (InvalidInputException e) {
        return Outcome.invalid(e.getProblems());
      }
    }
    SigningCodes.Verification verified = verification;
    return answer(token, MerchantStep.E_SIGNATURE, client, (link, contract) -> {
      // the merchant signs the stored version shown on the page (its PDF's SHA-256), which must still be the latest
      ContractDocuments.Version current = documents.current(contract);
      if (!current.pdfSha256().equals(shownDocumentSha256)) {
        throw new InvalidInputException("合同内容已更新，请刷新页面，核对最新版本后再签署");
      }
      if (client.staffUser() != null && !demo) {
        throw new InvalidInputException("员工不能代商家签署电子合同：请让商家本人打开邮件中的链接签署");
      }
      if (!consent) {
        throw new InvalidInputException("请勾选「我已阅读并同意以上合同全部条款，同意以电子签名方式签署」");
      }
      if (verified == null) { // the link became valid between the two looks: no code was checked
        throw new InvalidInputException(SigningCodes.LABEL + "未核验：请刷新页面后重新填写验证码");
      }
      Map<String, Object> clauses = clauseSets.version(contract.id(), current.clauseSetVersion()).orElse(Map.of());
      Map<String, Object> declared = new HashMap<>();
      declared.put(SIGNER_NAME, signerName);
      declared.put(SIGNER_AUTHORITY, blankToNull(identity.authority()));
      declared.put(MERCHANT_LEGAL_REPRESENTATIVE, clauses.get(MERCHANT_LEGAL_REPRESENTATIVE));
      SIGNER.check(declared);
      String authorityDocumentSha256 = SignerAuthority.AUTHORISED_SIGNATORY.name().equals(identity.authority())
          ? authorityDocuments.store(contract.id(), identity.authorityDocument()) : null;
      Map<String, Object> variables = answeredBy(contract, client);
      variables.put(SIGNER_NAME, blankToNull(signerName));
      variables.put(SIGNER_IDENTIFICATION, verified.identification());
      variables.put(SIGNER_IDENTIFIED_AT, verified.verifiedAt().toString());
      variables.put(SIGNER_AUTHORITY, identity.authority());
      variables.put(SIGNER_AUTHORITY_DOCUMENT_SHA256, authorityDocumentSha256);
      variables.put(SIGNER_IP, client.ip());
      variables.put(SIGNER_USER_AGENT, client.userAgent());
      variables.put(SIGNED_DOCUMENT_SHA256, current.pdfSha256());
      variables.put(SIGNED_DOCUMENT_VERSION, current.version());
      runtimeService.createMessageCorrelation(Messages.MERCHANT_SIGNED)
          .processInstanceId(link.processInstanceId()).setVariables(variables).correlate();
    });
  }

  public Outcome confirmReturn(String token, String courierCompany, String trackingNumber, Client client) {
    return answer(token, MerchantStep.COUNTERSIGNED_COPY, client, (link, contract) -> {
      Map<String, Object> values = new HashMap<>();
      values.put(RETURN_COURIER_COMPANY, blankToNull(courierCompany));
      values.put(RETURN_TRACKING_NUMBER, blankToNull(trackingNumber));
      RETURN_SHIPMENT.check(values);
      runtimeService.setVariables(link.processInstanceId(), values);
      contracts.update(contract.id(), Map.of("return_courier_company", courierCompany.trim(),
          "return_tracking_number", trackingNumber.trim()));
      Task task = waitingTask(link);
      taskService.createComment(task.getId(), link.processInstanceId(),
          "商家已寄回盖章合同：" + courierCompany.trim() + " " + trackingNumber.trim());
    });
  }

  static final String RETURN_FORMAT = "returnFormat";

  /** What a merchant's choice of return or deletion must hold (PIPL art. 21). */
  public static final InputRules DATA_CHOICE_ANSWER = InputRules.of(
      InputRules.choice(ServiceTermProcess.Vars.DATA_CHOICE, "合同第三条·数据处理选择", DataDisposal.class),
      text(RETURN_FORMAT, "合同第三条·返还的数据格式和交付方式").length(4, 500)
          .when(values -> DataDisposal.RETURNED.name().equals(values.get(ServiceTermProcess.Vars.DATA_CHOICE))));

  /**
   * The merchant chooses return (with the format and delivery it wants) or deletion of its customer data
   * at the end of the service; recorded on the contract and shown to staff in return-or-delete-data.
   */
  public Outcome chooseData(String token, String choice, String returnFormat, Client client) {
    return answer(token, MerchantStep.DATA_CHOICE, client, (link, contract) -> {
      Map<String, Object> values = new HashMap<>();
      values.put(ServiceTermProcess.Vars.DATA_CHOICE, blankToNull(choice));
      values.put(RETURN_FORMAT, blankToNull(returnFormat));
      DATA_CHOICE_ANSWER.check(values);
      DataDisposal chosen = DataDisposal.valueOf(choice);
      String by = client.staffUser() != null ? "员工 " + client.staffUser() + " 通过商家链接代为提交" : "商家（邮件链接）";
      dataDisposals.choose(runtimeService, taskService, link.processInstanceId(), contract.id(), chosen,
          DataDisposals.BY_LINK, chosen == DataDisposal.RETURNED ? returnFormat.trim() : null, by);
    });
  }

  private Outcome answer(String token, MerchantStep expected, Client client, Answer action) {
    return transaction.execute(status -> {
      MerchantLinks.Resolved resolved = links.resolveForUpdate(token);
      if (resolved.status() != LinkStatus.VALID) {
        return Outcome.refused(resolved.status());
      }
      MerchantLink link = resolved.link();
      if (link.stepValue() != expected) {
        return Outcome.refused(LinkStatus.UNKNOWN);
      }
      Contract contract = contracts.get(link.contractId());
      String actor = client.staffUser() != null ? client.staffUser() : MERCHANT_USER;
      try {
        actions.run(actor, () -> action.apply(link, contract));
      } catch (InvalidInputException e) {
        status.setRollbackOnly();
        return Outcome.invalid(e.getProblems());
      }
      links.markUsed(link.id(), client.ip());
      return Outcome.answered();
    });
  }

  private void completeTask(MerchantLink link, Map<String, Object> variables) {
    taskService.complete(waitingTask(link).getId(), variables);
  }

  private Task waitingTask(MerchantLink link) {
    return taskService.createTaskQuery().processInstanceId(link.processInstanceId())
        .taskDefinitionKey(link.stepValue().waitActivityId()).singleResult();
  }

  private static Map<String, Object> answeredBy(Contract contract, Client client) {
    Map<String, Object> variables = new HashMap<>();
    String who = client.staffUser() != null
        ? "员工 " + client.staffUser() + " 通过商家链接代为提交（商家：" + contract.merchantName() + "）"
        : ANSWERED_BY_PREFIX + contract.contactPerson() + "（" + contract.merchantName() + "），通过邮件链接";
    // recorded with review rounds, comments and signatures, whose columns hold 100 characters
    variables.put(ANSWERED_BY, who.length() > ANSWERED_BY_MAX ? who.substring(0, ANSWERED_BY_MAX - 1) + "…" : who);
    return variables;
  }

  /** Null when the name is the registered legal representative's (spaces aside), else what is wrong. */
  static String legalRepresentativeProblem(String name, Object registered) {
    if (!(registered instanceof String representative) || representative.isBlank()) {
      return "无法核对：合同未登记甲方法定代表人。请选择「授权签署人」并上传授权委托书";
    }
    if (name.replaceAll("\\s", "").equals(representative.replaceAll("\\s", ""))) {
      return null;
    }
    return "与合同登记的甲方法定代表人「" + representative.trim() + "」不一致。法定代表人以外的人员签署，"
        + "请选择「授权签署人」并上传授权委托书";
  }

  private static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value.trim();
  }

  @FunctionalInterface
  interface Answer {
    void apply(MerchantLink link, Contract contract);
  }

  /**
   * Who sent the answer: recorded with an e-signature and with the link's use. {@code staffUser} is the
   * staff member logged in to the web apps in the browser that sent it, or null.
   */
  public record Client(String ip, String userAgent, String staffUser) {
    public Client(String ip, String userAgent) {
      this(ip, userAgent, null);
    }
  }

  /** The result of an answer: done, refused for the link's state, or invalid with the problems. */
  public record Outcome(boolean accepted, LinkStatus refusal, List<String> problems) {
    static Outcome answered() {
      return new Outcome(true, null, List.of());
    }

    static Outcome refused(LinkStatus status) {
      return new Outcome(false, status, List.of());
    }

    static Outcome invalid(List<String> problems) {
      return new Outcome(false, null, problems);
    }
  }
}
