package com.bpocontractflow.signing;

import static com.bpocontractflow.signing.ContractSigningProcess.Tasks.*;
import static com.bpocontractflow.signing.ContractSigningProcess.Vars.*;
import static org.assertj.core.api.Assertions.assertThat;

import com.bpocontractflow.dispute.DisputeResolutionProcess;
import com.bpocontractflow.merchant.MerchantAnswers;
import com.bpocontractflow.sla.SlaReviewProcess;
import com.bpocontractflow.term.ServiceInputRules;
import com.bpocontractflow.term.ServiceTerm;
import com.bpocontractflow.term.ServiceTermProcess;
import com.bpocontractflow.validation.InputRules;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.junit.jupiter.api.Test;

/**
 * A text longer than its column fails in the database (HTTP 500) instead of being refused with a message:
 * every text rule's maximum must fit where the value is stored. The column sizes are read from the Flyway
 * migrations and from the engine's own schema (every submitted value is first a process variable).
 */
class TextColumnLimitsTest {

  /** Where a value checked by a rule is written, as far as the code writes it directly (table.column). */
  record Stored(String where, InputRules rules, String key, List<String> columns) {
    Stored(String where, InputRules rules, String key, String... columns) {
      this(where, rules, key, List.of(columns));
    }
  }

  static List<Stored> stored() {
    InputRules start = SigningInputRules.forStep(SigningInputRules.START_FORM);
    return List.of(
        // ContractRegistration -> ContractRepository.register
        new Stored("start", start, MERCHANT_NAME, "contract.merchant_name"),
        new Stored("start", start, CONTACT_PERSON, "contract.contact_person"),
        new Stored("start", start, CONTACT_PHONE, "contract.contact_phone"),
        new Stored("start", start, SERVICE_NEEDS, "contract.service_needs"),
        // SigningRecorder, ReviewRounds, ContractSignatures, ClauseSets
        new Stored(DRAFT_PROPOSAL, SigningInputRules.forStep(DRAFT_PROPOSAL), SERVICE_SCOPE, "contract.service_scope"),
        new Stored(CONFIRM_PROPOSAL, SigningInputRules.forStep(CONFIRM_PROPOSAL), PROPOSAL_COMMENT,
            "contract.proposal_comment"),
        new Stored(REVIEW_CLAUSES, SigningInputRules.forStep(REVIEW_CLAUSES), CLAUSE_FEEDBACK, "review_comment.comment"),
        new Stored(DRAFT_CONTRACT, SigningInputRules.forStep(DRAFT_CONTRACT), FORUM_VENUE,
            "contract_clause_set.forum_venue", "dispute.forum_venue"),
        new Stored(REVISE_CLAUSES, SigningInputRules.forStep(REVISE_CLAUSES), FORUM_VENUE,
            "contract_clause_set.forum_venue", "dispute.forum_venue"),
        new Stored(SEAL_CONTRACT, SigningInputRules.forStep(SEAL_CONTRACT), SEALED_BY,
            "contract.sealed_by", "contract_signature.signer"),
        new Stored(COURIER_CONTRACT, SigningInputRules.forStep(COURIER_CONTRACT), COURIER_COMPANY,
            "contract.courier_company", "contract_signature.courier_company"),
        new Stored(COURIER_CONTRACT, SigningInputRules.forStep(COURIER_CONTRACT), TRACKING_NUMBER,
            "contract.tracking_number", "contract_signature.tracking_number"),
        new Stored(COUNTERSIGN_CONTRACT, SigningInputRules.forStep(COUNTERSIGN_CONTRACT), COUNTERSIGNED_BY,
            "contract.countersigned_by", "contract_signature.signer"),
        // DepositPaymentDelegate -> DepositLedger
        new Stored(CONFIRM_DEPOSIT, SigningInputRules.forStep(CONFIRM_DEPOSIT), PAYMENT_REFERENCE,
            "deposit_payment.payment_reference"),
        new Stored("DepositReceived", DepositPaymentDelegate.PAYMENT, PAYMENT_REFERENCE,
            "deposit_payment.payment_reference"),
        // MerchantSignatureListener
        new Stored("MerchantSigned", MerchantSignatureListener.SIGNATURE, SIGNER_NAME,
            "contract.merchant_signer_name", "contract_signature.signer"),
        new Stored("MerchantSigned", MerchantSignatureListener.SIGNATURE, SIGNER_IP,
            "contract.merchant_signer_ip", "contract_signature.ip"),
        new Stored("MerchantSigned", MerchantSignatureListener.SIGNATURE, SIGNED_DOCUMENT_SHA256,
            "contract.signed_document_sha256"),
        new Stored("MerchantSigned", MerchantSignatureListener.SIGNATURE, SIGNER_IDENTIFICATION,
            "contract_signature.identification"),
        new Stored("MerchantSigned", MerchantSignatureListener.SIGNATURE, SIGNER_AUTHORITY_DOCUMENT_SHA256,
            "contract_signature.authority_document_sha256"),
        // MerchantAnswers.sign, the signing page
        new Stored("signing page", MerchantAnswers.SIGNER, SIGNER_NAME,
            "contract.merchant_signer_name", "contract_signature.signer"),
        // MerchantAnswers.confirmReturn, then the merchant's paper signature
        new Stored("return shipment", MerchantAnswers.RETURN_SHIPMENT, RETURN_COURIER_COMPANY,
            "contract.return_courier_company", "contract_signature.courier_company"),
        new Stored("return shipment", MerchantAnswers.RETURN_SHIPMENT, RETURN_TRACKING_NUMBER,
            "contract.return_tracking_number", "contract_signature.tracking_number"),
        // after go-live: TermRecords, Disputes -> DisputeRecords, SlaReview -> SlaReviews
        new Stored("TerminationNoticeReceived", ServiceTerm.NOTICE, ServiceTermProcess.Vars.TERMINATION_REASON,
            "termination_notice.reason"),
        new Stored(ServiceTermProcess.Tasks.RETURN_OR_DELETE_DATA,
            ServiceInputRules.forStep(ServiceTermProcess.Tasks.RETURN_OR_DELETE_DATA),
            ServiceTermProcess.Vars.DATA_DISPOSAL_NOTE, "contract_term.data_disposal_note"),
        new Stored(ServiceTermProcess.Tasks.RETURN_OR_DELETE_DATA,
            ServiceInputRules.forStep(ServiceTermProcess.Tasks.RETURN_OR_DELETE_DATA),
            ServiceTermProcess.Vars.DATA_CHOICE_SOURCE, "contract_term.data_choice_note"),
        new Stored(ServiceTermProcess.Tasks.RETURN_OR_DELETE_DATA,
            ServiceInputRules.forStep(ServiceTermProcess.Tasks.RETURN_OR_DELETE_DATA),
            ServiceTermProcess.Vars.DATA_DELETION_METHOD, "contract_term.data_deletion_method"),
        // #17: Refunds, ContractOriginals
        new Stored(ServiceTermProcess.Tasks.CONFIRM_REFUND_PAID,
            ServiceInputRules.forStep(ServiceTermProcess.Tasks.CONFIRM_REFUND_PAID),
            ServiceTermProcess.Vars.REFUND_BANK_REFERENCE, "refund_confirmation.bank_reference"),
        new Stored(ARCHIVE_CONTRACT_ORIGINAL, SigningInputRules.forStep(ARCHIVE_CONTRACT_ORIGINAL), ARCHIVE_LOCATION,
            "contract_original.archive_location"),
        new Stored("merchant link: data choice", com.bpocontractflow.merchant.MerchantAnswers.DATA_CHOICE_ANSWER,
            "returnFormat", "contract_term.data_choice_note"),
        new Stored(DisputeResolutionProcess.START_FORM, ServiceInputRules.forStep(DisputeResolutionProcess.START_FORM),
            DisputeResolutionProcess.Vars.DISPUTE_DESCRIPTION, "dispute.description"),
        new Stored(DisputeResolutionProcess.Tasks.NEGOTIATE_DISPUTE,
            ServiceInputRules.forStep(DisputeResolutionProcess.Tasks.NEGOTIATE_DISPUTE),
            DisputeResolutionProcess.Vars.SETTLEMENT_TERMS, "dispute.settlement_terms"),
        new Stored(DisputeResolutionProcess.Tasks.FILE_WITH_FORUM,
            ServiceInputRules.forStep(DisputeResolutionProcess.Tasks.FILE_WITH_FORUM),
            DisputeResolutionProcess.Vars.CASE_REFERENCE, "dispute.case_reference"),
        new Stored(SlaReviewProcess.Tasks.APPROVE_COMPENSATION,
            ServiceInputRules.forStep(SlaReviewProcess.Tasks.APPROVE_COMPENSATION),
            SlaReviewProcess.Vars.ADJUSTMENT_REASON, "sla_review.adjustment_reason"));
  }

  @Test
  void shouldLimitEveryStoredTextToItsColumn() throws IOException {
    Map<String, Integer> columns = applicationColumns();
    List<String> tooLong = new ArrayList<>();
    for (Stored stored : stored()) {
      List<InputRules.Rule> rules = stored.rules().rules().stream().filter(r -> r.key().equals(stored.key())).toList();
      assertThat(rules).as("%s has a rule for %s", stored.where(), stored.key()).isNotEmpty();
      for (String column : stored.columns()) {
        assertThat(columns).as("column %s in the migrations", column).containsKey(column);
        for (InputRules.Rule rule : rules) {
          assertThat(rule.isText()).as("%s %s is text", stored.where(), stored.key()).isTrue();
          if (rule.maxLength() > columns.get(column)) {
            tooLong.add(stored.where() + " " + stored.key() + " (" + rule.label() + ") max " + rule.maxLength()
                + " > " + column + " " + columns.get(column));
          }
        }
      }
    }
    assertThat(tooLong).isEmpty();
  }

  @Test
  void shouldLimitEveryTextOfEveryFormAndMessageToTheEnginesVariableColumn() throws IOException {
    int variableText = engineVariableTextColumn();
    Map<String, InputRules> all = new LinkedHashMap<>();
    all.put("start", SigningInputRules.forStep(SigningInputRules.START_FORM));
    all.put("DepositReceived", DepositPaymentDelegate.PAYMENT);
    all.put("MerchantSigned", MerchantSignatureListener.SIGNATURE);
    all.put("return shipment", MerchantAnswers.RETURN_SHIPMENT);
    all.put("TerminationNoticeReceived", ServiceTerm.NOTICE);
    for (String resource : List.of(ContractSigningProcess.RESOURCE, ServiceTermProcess.RESOURCE,
        SlaReviewProcess.RESOURCE, DisputeResolutionProcess.RESOURCE)) {
      BpmnModelInstance model = Bpmn.readModelFromFile(new File(resource));
      for (UserTask task : model.getModelElementsByType(UserTask.class)) {
        all.put(task.getId(), SigningInputRules.hasRules(task.getId()) ? SigningInputRules.forStep(task.getId())
            : ServiceInputRules.forStep(task.getId()));
      }
      for (StartEvent start : model.getModelElementsByType(StartEvent.class)) {
        if (start.getCamundaFormRef() != null && ServiceInputRules.hasRules(start.getCamundaFormRef())) {
          all.put(start.getCamundaFormRef(), ServiceInputRules.forStep(start.getCamundaFormRef()));
        }
      }
    }

    List<String> tooLong = new ArrayList<>();
    int texts = 0;
    for (Map.Entry<String, InputRules> step : all.entrySet()) {
      for (InputRules.Rule rule : step.getValue().rules()) {
        if (rule.isText()) {
          texts++;
          if (rule.maxLength() > variableText) {
            tooLong.add(step.getKey() + " " + rule.key() + " max " + rule.maxLength());
          }
        }
      }
    }
    assertThat(texts).isGreaterThan(40);
    assertThat(tooLong).as("longer than ACT_RU_VARIABLE.TEXT_ (%d)", variableText).isEmpty();
  }

  private static final Pattern CREATE_TABLE = Pattern.compile("CREATE TABLE (\\w+) \\((.*?)\\n\\);", Pattern.DOTALL);
  private static final Pattern COLUMN = Pattern.compile("^\\s*(\\w+)\\s+(?:VAR)?CHAR\\((\\d+)\\)", Pattern.MULTILINE);
  private static final Pattern ADD_COLUMN =
      Pattern.compile("ALTER TABLE (\\w+) ADD COLUMN (\\w+) (?:VAR)?CHAR\\((\\d+)\\)");

  /** table.column -> characters, of the application's text columns, from the Flyway migrations. */
  static Map<String, Integer> applicationColumns() throws IOException {
    Map<String, Integer> columns = new HashMap<>();
    try (Stream<Path> files = Files.list(Path.of("src/main/resources/db/migration"))) {
      for (Path file : files.filter(f -> f.toString().endsWith(".sql")).sorted().toList()) {
        String sql = Files.readString(file);
        Matcher table = CREATE_TABLE.matcher(sql);
        while (table.find()) {
          Matcher column = COLUMN.matcher(table.group(2));
          while (column.find()) {
            columns.put(table.group(1) + "." + column.group(1), Integer.parseInt(column.group(2)));
          }
        }
        Matcher added = ADD_COLUMN.matcher(sql);
        while (added.find()) {
          columns.put(added.group(1) + "." + added.group(2), Integer.parseInt(added.group(3)));
        }
      }
    }
    assertThat(columns).containsEntry("contract.merchant_name", 200).containsEntry("contract.tracking_number", 40);
    return columns;
  }

  /** The size of the column in which the engine keeps a string variable (ACT_RU_VARIABLE.TEXT_). */
  static int engineVariableTextColumn() throws IOException {
    try (InputStream script = TextColumnLimitsTest.class.getResourceAsStream(
        "/org/camunda/bpm/engine/db/create/activiti.h2.create.engine.sql")) {
      assertThat(script).as("the engine's H2 schema on the class path").isNotNull();
      String sql = new String(script.readAllBytes(), StandardCharsets.UTF_8);
      Matcher table = Pattern.compile("create table ACT_RU_VARIABLE \\((.*?)\\n\\);", Pattern.DOTALL).matcher(sql);
      assertThat(table.find()).isTrue();
      Matcher text = Pattern.compile("TEXT_ varchar\\((\\d+)\\)").matcher(table.group(1));
      assertThat(text.find()).isTrue();
      return Integer.parseInt(text.group(1));
    }
  }
}
