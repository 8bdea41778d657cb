package com.bpocontractflow.term;

import static com.bpocontractflow.signing.ContractSigningProcess.Vars.CONTRACT_ID;
import static com.bpocontractflow.term.ServiceTermProcess.Vars.*;

import com.bpocontractflow.common.Clocks;
import com.bpocontractflow.contract.ClauseSets;
import com.bpocontractflow.contract.Contract;
import com.bpocontractflow.contract.ContractRepository;
import com.bpocontractflow.contract.ContractStatus;
import com.bpocontractflow.document.ProviderParty;
import com.bpocontractflow.mail.MailNotice;
import com.bpocontractflow.mail.MerchantMail;
import com.bpocontractflow.mail.MerchantMailer;
import com.bpocontractflow.merchant.MerchantLinks;
import com.bpocontractflow.merchant.MerchantStep;
import com.bpocontractflow.term.TermRecords.DataChoice;
import com.bpocontractflow.term.TermRecords.Term;
import com.bpocontractflow.validation.InputRules;
import com.bpocontractflow.validation.InvalidInputException;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Date;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.TaskService;
import org.camunda.bpm.engine.delegate.DelegateExecution;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.task.Task;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * The merchant's customer data at the end of the entrusted processing (PIPL art. 21; contract clause 3):
 * the merchant chooses return or deletion — on its link page, or staff record the choice it gave by letter
 * or call — and staff may carry out only that choice (ServiceInputRules). Without a choice by the data
 * period less a margin, the data is deleted (PIPL art. 47: the processing ended and the data was not
 * returned). Deletion yields a deletion certificate (数据删除证明), mailed to the merchant's notice e-mail
 * as a download link.
 */
@Component("dataDisposals")
public class DataDisposals {

  private static final Logger LOG = LoggerFactory.getLogger(DataDisposals.class);
  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy年M月d日");
  /** The merchant chooses at the latest this many days before the data is due, leaving staff time to act. */
  static final int CHOICE_MARGIN_DAYS = 7;

  /** How a choice came: the merchant's link, staff recording the merchant's letter or call, or the default. */
  public static final String BY_LINK = "LINK";
  public static final String BY_STAFF = "STAFF";
  public static final String BY_DEFAULT = "DEFAULT";

  private final ContractRepository contracts;
  private final ClauseSets clauseSets;
  private final TermRecords records;
  private final MerchantMailer mailer;
  private final MerchantLinks links;
  private final DataDeletionCertificates certificates;
  private final ProviderParty provider;

  public DataDisposals(ContractRepository contracts, ClauseSets clauseSets, TermRecords records, MerchantMailer mailer,
      MerchantLinks links, DataDeletionCertificates certificates, ProviderParty provider) {
    this.provider = provider;
    this.contracts = contracts;
    this.clauseSets = clauseSets;
    this.records = records;
    this.mailer = mailer;
    this.links = links;
    this.certificates = certificates;
  }

  /**
   * The day by which the merchant chooses: the data's due day (last day of service plus the contract's
   * {@code dataReturnDays}) less {@value #CHOICE_MARGIN_DAYS} days, but at most half the period earlier
   * (a period of 1 day: the last day of service).
   */
  static LocalDate choiceDue(LocalDate lastServiceDay, int dataReturnDays) {
    int margin = Math.min(CHOICE_MARGIN_DAYS, (dataReturnDays + 1) / 2);
    return lastServiceDay.plusDays(dataReturnDays - (long) margin);
  }

  /**
   * The end of the service is known (expiry, trial exit, termination notice): the merchant is asked, at
   * its notice e-mail, to choose return or deletion on a link page valid until the choice is due.
   */
  public void offerChoice(DelegateExecution execution) {
    long id = contractId(execution);
    if (execution.getVariable(DATA_CHOICE) != null) {
      return; // chosen already
    }
    Term term = records.get(id);
    Map<String, Object> clauses = clauses(id);
    int days = whole(clauses.get("dataReturnDays"));
    LocalDate dataDue = term.lastServiceDay().plusDays(days);
    LocalDate choiceDue = choiceDue(term.lastServiceDay(), days);
    Date dueAt = TermDates.endOf(choiceDue);
    execution.setVariable(DATA_CHOICE_ROUND, 1);
    execution.setVariable(DATA_CHOICE_DUE_AT, dueAt);
    execution.setVariable(DATA_CHOICE_LABEL, "商家尚未选择（选择期限至 " + TermDates.zh(choiceDue)
        + "；逾期未选择的，按合同第三条和《个人信息保护法》第四十七条删除）");
    MerchantLinks.NewLink link = links.create(id, execution.getProcessInstanceId(), MerchantStep.DATA_CHOICE, 1,
        OffsetDateTime.ofInstant(dueAt.toInstant(), Clocks.ZONE));
    Map<String, Object> extra = new HashMap<>();
    extra.put("answerLink", link.url());
    extra.put("answerAction", "在线" + MerchantStep.DATA_CHOICE.title());
    extra.put("answerLinkExpires", TermDates.zh(choiceDue) + " 24:00");
    Contract contract = contracts.get(id);
    mailer.sendNoticeTo(MerchantMail.DATA_CHOICE, contract, ClauseSets.noticeEmail(clauses, contract), MailNotice.of(
            "贵司与我方的客服外包服务将于 " + TermDates.zh(term.lastServiceDay()) + " 结束。按合同第三条（数据安全与保密）和"
                + "《个人信息保护法》第二十一条，服务结束后 " + days + " 日内，我方按贵司的选择返还或删除受托处理的顾客个人信息。")
        .row("最后服务日", TermDates.zh(term.lastServiceDay()))
        .row("返还或删除期限", TermDates.zh(dataDue))
        .row("请于此日前选择", TermDates.zh(choiceDue))
        .row("数据类别", clauses.get("dataCategories"))
        .closing("请通过下方链接选择“返还”（并写明希望的数据格式和交付方式）或“删除”；也可以书面来函或致电客户经理告知，由我方登记。")
        .closing("逾期未选择的，我方将按合同第三条和《个人信息保护法》第四十七条删除全部数据，并向贵司出具数据删除证明。"),
        extra, TermDates.zh(choiceDue));
  }

  /**
   * Records the merchant's choice and shows it in return-or-delete-data; refused when a choice was
   * recorded before. {@code note} is the return format asked for, or how the merchant told staff.
   */
  public void choose(RuntimeService runtime, TaskService tasks, String processInstanceId, long contractId,
      DataDisposal choice, String source, String note, String by) {
    if (!records.recordDataChoice(contractId, choice, source, note, by)) {
      throw new InvalidInputException("「数据处理选择」已登记过，不能更改：" + records.dataChoice(contractId)
          .map(DataDisposals::label).orElse(""));
    }
    String label = label(records.dataChoice(contractId).orElseThrow());
    runtime.setVariable(processInstanceId, DATA_CHOICE, choice.name());
    runtime.setVariable(processInstanceId, DATA_CHOICE_LABEL, label);
    for (Task task : tasks.createTaskQuery().processInstanceId(processInstanceId)
        .taskDefinitionKey(ServiceTermProcess.Tasks.RETURN_OR_DELETE_DATA).list()) {
      tasks.createComment(task.getId(), processInstanceId, label);
    }
  }

  /**
   * The choice was due and the merchant has not chosen: the data is deleted (PIPL art. 47: the entrusted
   * processing ended and the data was not returned), recorded as the default; the task says so.
   */
  public void chooseByDefault(DelegateExecution execution) {
    if (execution.getVariable(DATA_CHOICE) != null) {
      return;
    }
    long id = contractId(execution);
    choose(execution.getProcessEngineServices().getRuntimeService(),
        execution.getProcessEngineServices().getTaskService(), execution.getProcessInstanceId(), id, DataDisposal.DELETED,
        BY_DEFAULT, null, null);
    LOG.warn("The merchant of {} chose nothing for its data by the deadline: it is deleted by default",
        execution.getProcessBusinessKey());
  }

  /**
   * Complete listener of return-or-delete-data: keeps who recorded the disposal, for {@link #disposed}, which
   * runs later in a job without a logged-in user.
   */
  public void recorded(DelegateTask task) {
    task.getExecution().setVariable(DATA_DISPOSAL_RECORDED_BY, currentUser(task.getExecution()));
  }

  /**
   * Staff recorded what became of the data (checked against the merchant's choice by ServiceInputRules).
   * A choice staff recorded for the merchant is stored first. Deleted: the deletion certificate is issued
   * and its download link mailed; returned: when and how is confirmed.
   */
  public void disposed(DelegateExecution execution) {
    long id = contractId(execution);
    // who completed return-or-delete-data (this runs in a job); the current user for a task completed before
    String by = execution.hasVariable(DATA_DISPOSAL_RECORDED_BY)
        ? (String) execution.getVariable(DATA_DISPOSAL_RECORDED_BY) : currentUser(execution);
    if (execution.getVariable(DATA_CHOICE) == null) {
      choose(execution.getProcessEngineServices().getRuntimeService(),
          execution.getProcessEngineServices().getTaskService(), execution.getProcessInstanceId(), id,
          DataDisposal.valueOf((String) execution.getVariable(STAFF_DATA_CHOICE)), BY_STAFF,
          ((String) execution.getVariable(DATA_CHOICE_SOURCE)).trim(), by);
    }
    DataDisposal disposal = DataDisposal.valueOf((String) execution.getVariable(DATA_DISPOSAL));
    LocalDate on = InputRules.toDate(execution.getVariable(DATA_DISPOSED_ON));
    String note = ((String) execution.getVariable(DATA_DISPOSAL_NOTE)).trim();
    records.dataDisposed(id, disposal, on, note, by);
    contracts.updateStatus(id, ContractStatus.CLOSED);
    Contract contract = contracts.get(id);
    Map<String, Object> clauses = clauses(id);
    boolean byDefault = records.dataChoice(id).map(choice -> BY_DEFAULT.equals(choice.source())).orElse(false);
    MailNotice mail = MailNotice.of(byDefault
        ? "贵司未在约定期限内选择返还或删除。按合同的数据安全与保密条款及《个人信息保护法》第四十七条，我们已于 "
            + TermDates.zh(on) + "删除贵司委托处理的顾客个人信息。"
        : "按合同的数据安全与保密条款及《个人信息保护法》第二十一条，我们已于 " + TermDates.zh(on) + "按贵司的选择"
            + disposal.label() + "贵司委托处理的顾客个人信息。")
        .row("处理方式", disposal.label())
        .row("处理日期", TermDates.zh(on));
    Map<String, Object> extra = new HashMap<>();
    if (disposal == DataDisposal.DELETED) {
      String method = ((String) execution.getVariable(DATA_DELETION_METHOD)).trim();
      records.dataDeletionMethod(id, method);
      DataDeletionCertificates.Issued issued = certificates.issue(id, on, by,
          certificateModel(execution, contract, clauses, on, method, note, by));
      mail.row("删除方式", method)
          .row("处理说明", note)
          .row("数据删除证明 SHA-256", issued.certificate().pdfSha256())
          .closing("数据删除证明（PDF）写明删除的数据、时间、方式和登记人，请通过下方链接下载并留存；链接长期有效，请勿转发。");
      extra.put("downloadLink", mailer.model(contract).get("baseUrl") + DataDeletionCertificates.DOWNLOAD_PATH
          + issued.token());
      extra.put("downloadAction", "下载数据删除证明（PDF）");
    } else {
      mail.row("返还方式", note)
          .closing("我方已不再保留上述数据的副本。");
    }
    mail.closing("至此合同已全部履行完毕。感谢贵司的合作。");
    mailer.sendNoticeTo(MerchantMail.DATA_DISPOSED, contract, ClauseSets.noticeEmail(clauses, contract), mail, extra,
        disposal.label());
  }

  private Map<String, Object> certificateModel(DelegateExecution execution, Contract contract,
      Map<String, Object> clauses, LocalDate on, String method, String note, String by) {
    Term term = records.get(contract.id());
    Map<String, Object> model = new HashMap<>(mailer.model(contract));
    model.put("provider", provider);
    Object legalName = clauses.get("merchantLegalName");
    model.put("merchantLegalName", legalName != null ? legalName : contract.merchantName());
    model.put("merchantCreditCode", clauses.get("merchantCreditCode"));
    model.put("dataCategories", clauses.get("dataCategories"));
    model.put("deletedOn", TermDates.zh(on));
    model.put("issuedOn", TermDates.zh(TermDates.today()));
    model.put("lastServiceDay", TermDates.zh(term.lastServiceDay()));
    model.put("dataDueDay", TermDates.zh(term.lastServiceDay().plusDays(whole(clauses.get("dataReturnDays")))));
    model.put("deletionMethod", method);
    model.put("note", note);
    model.put("recordedBy", staffName(execution, by));
    model.put("choiceText", records.dataChoice(contract.id()).map(DataDisposals::label).orElse(""));
    return model;
  }

  /** Who chose what, when and how, as staff and the certificate read it. */
  static String label(DataChoice choice) {
    String day = choice.at() == null ? "" : DAY.format(choice.at().atZoneSameInstant(Clocks.ZONE));
    String note = choice.note() == null || choice.note().isBlank() ? "" : "（" + choice.note() + "）";
    return switch (choice.source()) {
      case BY_LINK -> "甲方于 " + day + " 通过邮件链接选择：" + choice.choice().label() + note;
      case BY_STAFF -> "甲方选择：" + choice.choice().label() + "，由乙方员工 " + choice.by() + " 于 " + day + " 登记"
          + note;
      default -> "甲方未在选择期限内作出选择，于 " + day + " 按合同第三条和《个人信息保护法》第四十七条确定为：删除";
    };
  }

  private static String staffName(DelegateExecution execution, String userId) {
    if (userId == null) {
      return "（未登录的系统操作）";
    }
    User user = execution.getProcessEngineServices().getIdentityService().createUserQuery().userId(userId)
        .singleResult();
    // as Camunda's web apps show a user: first name, then last name
    String name = user == null ? "" : (nullToEmpty(user.getFirstName()) + " " + nullToEmpty(user.getLastName())).trim();
    return name.isEmpty() ? userId : name + "（" + userId + "）";
  }

  private static String nullToEmpty(String value) {
    return value == null ? "" : value;
  }

  private Map<String, Object> clauses(long id) {
    return clauseSets.latest(id).orElseThrow(() -> new IllegalStateException("Contract " + id + " has no clauses"));
  }

  private static int whole(Object value) {
    Long days = InputRules.toWholeNumber(value);
    if (days == null) {
      throw new IllegalStateException("The signed clauses have no dataReturnDays");
    }
    return days.intValue();
  }

  private long contractId(DelegateExecution execution) {
    return contracts.ofProcess(execution.getVariable(CONTRACT_ID), execution.getProcessBusinessKey()).id();
  }

  private static String currentUser(DelegateExecution execution) {
    Authentication user = execution.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
    return user == null ? null : user.getUserId();
  }
}
