package com.bpocontractflow.integration;

import static com.bpocontractflow.signing.ContractSigningProcess.Vars.CONTRACT_NUMBER;
import static com.bpocontractflow.signing.ContractSigningProcess.Vars.DEPOSIT_RECEIVED_AMOUNT;
import static com.bpocontractflow.signing.ContractSigningProcess.Vars.PAYMENT_REFERENCE;
import static com.bpocontractflow.signing.ContractSigningProcess.Vars.SIGNED_DOCUMENT_SHA256;
import static com.bpocontractflow.signing.ContractSigningProcess.Vars.SIGNED_DOCUMENT_VERSION;
import static com.bpocontractflow.signing.ContractSigningProcess.Vars.SIGNER_NAME;
import static com.bpocontractflow.signing.ContractSigningProcess.Vars.WITHDRAWAL_REASON;
import static com.bpocontractflow.signing.ContractSigningProcess.Vars.WITHDRAWN_BY;
import static com.bpocontractflow.term.ServiceTermProcess.Vars.NOTICE_PARTY;
import static com.bpocontractflow.term.ServiceTermProcess.Vars.NOTICE_RECEIVED_DATE;
import static com.bpocontractflow.term.ServiceTermProcess.Vars.TERMINATION_REASON;
import static com.bpocontractflow.term.ServiceTermProcess.Vars.TERMINATION_WITH_CAUSE;

import com.bpocontractflow.contract.Contract;
import com.bpocontractflow.contract.ContractNumbers;
import com.bpocontractflow.contract.ContractRepository;
import com.bpocontractflow.document.ContractDocuments;
import com.bpocontractflow.security.ApplicationActions;
import com.bpocontractflow.security.FormFields;
import com.bpocontractflow.signing.ContractSigningProcess;
import com.bpocontractflow.signing.SigningWithdrawal;
import com.bpocontractflow.sla.SlaReviewProcess;
import com.bpocontractflow.term.ServiceTermProcess;
import com.bpocontractflow.validation.InvalidInputException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.camunda.bpm.engine.MismatchingMessageCorrelationException;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.MessageCorrelationBuilder;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Service;

/**
 * What each integration endpoint does: checks the body (only the fields of that report, plain values, a
 * contract number that exists), then correlates the process message to that one contract, or starts the
 * period review, as the calling system. The processes' own rules check the values (400 with zh-CN
 * problems) and nothing changes when they refuse.
 */
@Service
class Integrations {

  /** The endpoints, by path. */
  enum Endpoint {
    DEPOSITS("deposits", "定金或履约保证金到账", Set.of(DEPOSIT_RECEIVED_AMOUNT, PAYMENT_REFERENCE)),
    E_SIGNATURES("e-signatures", "商家电子签署", Set.of(SIGNER_NAME, SIGNED_DOCUMENT_SHA256)),
    TERMINATION_NOTICES("termination-notices", "解约通知",
        Set.of(NOTICE_PARTY, NOTICE_RECEIVED_DATE, TERMINATION_REASON, TERMINATION_WITH_CAUSE)),
    WITHDRAWALS("withdrawals", "撤回或取消签约", Set.of(WITHDRAWN_BY, WITHDRAWAL_REASON)),
    SLA_FIGURES("sla-figures", "本期服务指标", null);

    private final String path;
    private final String label;
    private final Set<String> fields;

    Endpoint(String path, String label, Set<String> fields) {
      this.path = path;
      this.label = label;
      this.fields = fields;
    }

    String path() {
      return path;
    }

    /** The body's fields besides {@code contractNumber}. */
    Set<String> fields() {
      return fields != null ? fields : FormFields.get().startForm(SlaReviewProcess.KEY).orElseThrow().editable();
    }

    static Endpoint byPath(String path) {
      return Arrays.stream(values()).filter(e -> e.path.equals(path)).findFirst().orElse(null);
    }
  }

  record Result(HttpStatus status, String message) {
  }

  private final ContractRepository contracts;
  private final ContractDocuments documents;
  private final RuntimeService runtimeService;
  private final ApplicationActions actions;

  Integrations(ContractRepository contracts, ContractDocuments documents, RuntimeService runtimeService,
      ApplicationActions actions) {
    this.contracts = contracts;
    this.documents = documents;
    this.runtimeService = runtimeService;
    this.actions = actions;
  }

  Result report(Endpoint endpoint, String caller, Map<String, Object> body) {
    Map<String, Object> variables = checkedBody(endpoint, body);
    String number = (String) variables.remove(CONTRACT_NUMBER);
    Contract contract = contracts.findByNumber(number).orElse(null);
    if (contract == null) {
      return new Result(HttpStatus.NOT_FOUND, "合同编号 " + number + " 不存在");
    }
    String actor = "system:" + caller;
    try {
      switch (endpoint) {
        case DEPOSITS -> correlate(actor, runtimeService.createMessageCorrelation(
            ContractSigningProcess.Messages.DEPOSIT_RECEIVED).processInstanceId(contract.processInstanceId()), variables);
        case E_SIGNATURES -> {
          signedVersion(contract, variables);
          correlate(actor, runtimeService.createMessageCorrelation(ContractSigningProcess.Messages.MERCHANT_SIGNED)
              .processInstanceId(contract.processInstanceId()), variables);
        }
        case WITHDRAWALS -> SigningWithdrawal.request(actions, runtimeService, actor, contract.processInstanceId(),
            variables);
        case TERMINATION_NOTICES -> correlate(actor, runtimeService.createMessageCorrelation(
            ServiceTermProcess.Messages.TERMINATION_NOTICE_RECEIVED).processInstanceBusinessKey(number), variables);
        case SLA_FIGURES -> {
          variables.put(CONTRACT_NUMBER, number);
          actions.run(actor, () -> runtimeService.createProcessInstanceByKey(SlaReviewProcess.KEY)
              .businessKey(number).setVariables(variables).execute());
        }
      }
    } catch (MismatchingMessageCorrelationException nothingWaits) {
      return new Result(HttpStatus.CONFLICT, "合同 " + number + " 当前没有在等待「" + endpoint.label + "」");
    }
    return new Result(HttpStatus.OK, "已记录：合同 " + number + " 的「" + endpoint.label + "」");
  }

  private void correlate(String actor, MessageCorrelationBuilder correlation, Map<String, Object> variables) {
    actions.run(actor, () -> correlation.setVariables(variables).correlateWithResult());
  }

  /** An e-signature system may name the PDF the merchant signed: it must be the current version. */
  private void signedVersion(Contract contract, Map<String, Object> variables) {
    Object sha256 = variables.get(SIGNED_DOCUMENT_SHA256);
    if (sha256 == null) {
      return;
    }
    ContractDocuments.Version current = documents.current(contract);
    if (!current.pdfSha256().equalsIgnoreCase(String.valueOf(sha256))) {
      throw new InvalidInputException("「" + SIGNED_DOCUMENT_SHA256 + "」不是当前合同版本（第 " + current.version()
          + " 版）的 SHA-256，商家签署的不是最新版本");
    }
    variables.put(SIGNED_DOCUMENT_SHA256, current.pdfSha256());
    variables.put(SIGNED_DOCUMENT_VERSION, current.version());
  }

  /** Only the report's fields, each a plain value, and a well-formed contract number. */
  private static Map<String, Object> checkedBody(Endpoint endpoint, Map<String, Object> body) {
    List<String> problems = new ArrayList<>();
    Map<String, Object> variables = new HashMap<>();
    Object number = body.get(CONTRACT_NUMBER);
    if (!(number instanceof String s) || !ContractNumbers.isValid(s.trim())) {
      problems.add("「" + CONTRACT_NUMBER + "」（合同编号）" + ContractNumbers.DESCRIPTION);
    } else {
      variables.put(CONTRACT_NUMBER, s.trim());
    }
    for (Map.Entry<String, Object> field : body.entrySet()) {
      String name = field.getKey();
      Object value = field.getValue();
      if (CONTRACT_NUMBER.equals(name)) {
        continue;
      }
      if (!endpoint.fields().contains(name)) {
        problems.add("「" + name + "」不是此接口的字段（可用字段：" + String.join("、", endpoint.fields().stream().sorted()
            .toList()) + "）");
      } else if (value != null && !(value instanceof String || value instanceof Number || value instanceof Boolean)) {
        problems.add("「" + name + "」必须是文字、数字或布尔值");
      } else if (value != null) {
        variables.put(name, value);
      }
    }
    if (!problems.isEmpty()) {
      throw new InvalidInputException(problems);
    }
    return variables;
  }
}
