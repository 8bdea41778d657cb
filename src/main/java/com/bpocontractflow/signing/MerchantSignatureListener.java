package com.bpocontractflow.signing;

import static com.bpocontractflow.signing.ContractSigningProcess.Vars.*;
import static com.bpocontractflow.validation.InputRules.choice;
import static com.bpocontractflow.validation.InputRules.text;

import com.bpocontractflow.common.Clocks;
import com.bpocontractflow.contract.ContractRepository;
import com.bpocontractflow.contract.Party;
import com.bpocontractflow.contract.SignerAuthority;
import com.bpocontractflow.contract.SigningMethod;
import com.bpocontractflow.document.ContractDocuments;
import com.bpocontractflow.document.ContractSignatures;
import com.bpocontractflow.validation.InputRules;
import java.time.OffsetDateTime;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.ExecutionListener;
import org.springframework.stereotype.Component;

/**
 * End listener of the wait for the merchant's e-signature: the {@code MerchantSigned} message must name
 * the signer; the signature is recorded on the contract, with how the signing page identified the signer
 * and in what capacity they signed. A message without a signer is refused and the wait goes on.
 */
@Component("merchantSignature")
public class MerchantSignatureListener implements ExecutionListener {

  static final InputRules SIGNATURE = InputRules.of(
      text(SIGNER_NAME, "签署人姓名").length(1, 50),
      // evidence the signing page records, or an e-signature system may send: stored in columns of 64
      text(SIGNER_IP, "签署人 IP 地址（signerIp）").optional().length(1, 64)
          .matches("^[0-9A-Za-z.:%_-]+$", "不是有效的 IP 地址"),
      text(SIGNED_DOCUMENT_SHA256, "签署文件的 SHA-256（signedDocumentSha256）").optional().length(1, 64)
          .matches("^[0-9a-fA-F]{64}$", "必须是 64 位十六进制数"),
      // how the signing page identified the signer and in what capacity they signed (absent from external systems)
      text(SIGNER_IDENTIFICATION, "签署人身份核验方式（signerIdentification）").optional().length(1, 200),
      text(SIGNER_IDENTIFIED_AT, "签署人身份核验时间（signerIdentifiedAt）").optional().length(1, 40)
          .and((value, all) -> value instanceof String time && parsesAsTime(time), "不是有效的时间"),
      choice(SIGNER_AUTHORITY, "签署人身份（signerAuthority）", SignerAuthority.class).optional(),
      text(SIGNER_AUTHORITY_DOCUMENT_SHA256, "授权委托书的 SHA-256（signerAuthorityDocumentSha256）").optional()
          .length(64, 64).matches("^[0-9a-f]{64}$", "必须是 64 位十六进制数"));

  private final ContractRepository contracts;
  private final ContractDocuments documents;
  private final ContractSignatures signatures;

  public MerchantSignatureListener(ContractRepository contracts, ContractDocuments documents,
      ContractSignatures signatures) {
    this.contracts = contracts;
    this.documents = documents;
    this.signatures = signatures;
  }

  @Override
  public void notify(DelegateExecution execution) {
    if (execution.isCanceled()) {
      return;
    }
    SIGNATURE.check(execution.getVariables());
    Map<String, Object> columns = new HashMap<>();
    columns.put("merchant_signer_name", ((String) execution.getVariable(SIGNER_NAME)).trim());
    columns.put("merchant_signed_at", OffsetDateTime.now(Clocks.ZONE));
    // evidence recorded by the signing page (absent when an external e-signature system reports the signature)
    columns.put("merchant_signer_ip", execution.getVariable(SIGNER_IP));
    columns.put("merchant_signer_user_agent", truncated(execution.getVariable(SIGNER_USER_AGENT), 500));
    columns.put("signed_document_sha256", execution.getVariable(SIGNED_DOCUMENT_SHA256));
    columns.put("signed_document_version", execution.getVariable(SIGNED_DOCUMENT_VERSION));
    long contractId = contracts.ofProcess(execution.getVariable(CONTRACT_ID), execution.getProcessBusinessKey()).id();
    contracts.update(contractId, columns);
    // the signature as its own record, with the version signed: the one the signing page showed, or the
    // latest when an external e-signature system reports it
    Object shownVersion = execution.getVariable(SIGNED_DOCUMENT_VERSION);
    ContractDocuments.Version signed = (shownVersion instanceof Number n ? documents.find(contractId, n.intValue())
        : java.util.Optional.<ContractDocuments.Version>empty()).orElseGet(() -> documents.current(contracts.get(contractId)));
    OffsetDateTime signedAt = (OffsetDateTime) columns.get("merchant_signed_at");
    Object authority = execution.getVariable(SIGNER_AUTHORITY);
    Object identifiedAt = execution.getVariable(SIGNER_IDENTIFIED_AT);
    signatures.record(contractId, new ContractSignatures.Signature(Party.MERCHANT, SigningMethod.ELECTRONIC,
        (String) columns.get("merchant_signer_name"), signedAt.toLocalDate(), signedAt,
        (String) columns.get("merchant_signer_ip"), (String) columns.get("merchant_signer_user_agent"),
        signed.version(), signed.pdfSha256(), signed.htmlSha256(), null, null, null,
        (String) execution.getVariable(ANSWERED_BY), (String) execution.getVariable(SIGNER_IDENTIFICATION),
        identifiedAt instanceof String time ? OffsetDateTime.parse(time) : null,
        authority instanceof String kind ? SignerAuthority.valueOf(kind) : null,
        (String) execution.getVariable(SIGNER_AUTHORITY_DOCUMENT_SHA256)));
  }

  private static boolean parsesAsTime(String value) {
    try {
      OffsetDateTime.parse(value);
      return true;
    } catch (java.time.format.DateTimeParseException e) {
      return false;
    }
  }

  private static Object truncated(Object value, int max) {
    return value instanceof String s && s.length() > max ? s.substring(0, max) : value;
  }
}
