package com.bpocontractflow.mail;

import com.bpocontractflow.contract.BillingModel;
import com.bpocontractflow.contract.ClauseSets;
import com.bpocontractflow.contract.Contract;
import com.bpocontractflow.contract.DepositHandling;
import com.bpocontractflow.contract.DepositKind;
import com.bpocontractflow.contract.EnumLabels;
import com.bpocontractflow.contract.ServiceHours;
import com.bpocontractflow.contract.ShopPlatform;
import com.bpocontractflow.contract.SigningMethod;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.text.DecimalFormat;
import java.text.DecimalFormatSymbols;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Service;
import org.thymeleaf.context.LazyContextVariable;

/**
 * Writes an e-mail to a merchant into the outbox, in the caller's transaction. The template sees the
 * contract's values (already in zh-CN labels) plus whatever the step adds.
 */
@Service
public class MerchantMailer {

  private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("yyyy年M月d日");

  private final MailRenderer renderer;
  private final MailOutbox outbox;
  private final ProviderProperties provider;
  private final PublicBaseUrl baseUrl;
  private final ServicePromises promises;
  private final PayeeAccount payee;
  private final ClauseSets clauseSets;

  @Autowired
  public MerchantMailer(MailRenderer renderer, MailOutbox outbox, ProviderProperties provider,
      PublicBaseUrl baseUrl, ServicePromises promises, PayeeAccount payee, ClauseSets clauseSets) {
    this.renderer = renderer;
    this.outbox = outbox;
    this.provider = provider;
    this.baseUrl = baseUrl;
    this.promises = promises;
    this.payee = payee;
    this.clauseSets = clauseSets;
  }

  /** With the base URL exactly as {@code provider} states it. */
  public MerchantMailer(MailRenderer renderer, MailOutbox outbox, ProviderProperties provider,
      ServicePromises promises, PayeeAccount payee, ClauseSets clauseSets) {
    this(renderer, outbox, provider, PublicBaseUrl.of(provider), promises, payee, clauseSets);
  }

  /** Renders and enqueues; returns the e-mail's Message-ID. */
  public String send(MerchantMail mail, Contract contract, Map<String, Object> extra, Object... subjectArguments) {
    return sendTo(contract.merchantEmail(), mail, contract, extra, subjectArguments);
  }

  /** Renders and enqueues to another address of the merchant (e.g. the contract's notice e-mail). */
  public String sendTo(String recipient, MerchantMail mail, Contract contract, Map<String, Object> extra,
      Object... subjectArguments) {
    Map<String, Object> model = model(contract);
    model.putAll(extra);
    String subject = mail.subject(contract.contractNumber(), subjectArguments);
    RenderedMail rendered = renderer.render(subject, mail.template(), model);
    return outbox.enqueue(contract.contractNumber(), mail.name(), recipient, rendered);
  }

  /** Renders a notice e-mail (the shared layout with the step's own paragraphs and rows) and enqueues it. */
  public String sendNotice(MerchantMail mail, Contract contract, MailNotice notice, Object... subjectArguments) {
    return send(mail, contract, notice.model(), subjectArguments);
  }

  /**
   * A notice e-mail to another address of the merchant than its contact's (the notice e-mail of the
   * contract's clauses), with further model entries (an answer or download link).
   */
  public String sendNoticeTo(MerchantMail mail, Contract contract, String recipient, MailNotice notice,
      Map<String, Object> extra, Object... subjectArguments) {
    Map<String, Object> model = model(contract);
    model.putAll(notice.model());
    model.putAll(extra);
    String subject = mail.subject(contract.contractNumber(), subjectArguments);
    return outbox.enqueue(contract.contractNumber(), mail.name(), recipient,
        renderer.render(subject, mail.template(), model));
  }

  /** The values every merchant-facing text may use, in zh-CN labels. */
  public Map<String, Object> model(Contract c) {
    Map<String, Object> m = new HashMap<>();
    m.put("providerName", provider.providerName());
    m.put("baseUrl", baseUrl.get());
    m.put("replyWorkingDays", promises.replyWorkingDays());
    // the account the deposit is paid to, named only when configured in full (see PayeeAccount)
    m.put("payeeKnown", payee.known());
    m.put("payeeAccountName", payee.known() ? payee.accountName() : null);
    m.put("payeeBankName", payee.known() ? payee.bankName() : null);
    m.put("payeeAccountNumber", payee.known() ? payee.accountNumber() : null);
    m.put("contractNumber", c.contractNumber());
    m.put("merchantName", c.merchantName());
    m.put("contactPerson", c.contactPerson());
    m.put("shopPlatform", EnumLabels.label(c.shopPlatform(), ShopPlatform::valueOf, ShopPlatform::label));
    m.put("seats", c.seats());
    m.put("serviceNeeds", c.serviceNeeds());
    m.put("serviceScope", c.serviceScope());
    m.put("serviceHours", EnumLabels.label(c.serviceHours(), ServiceHours::valueOf, ServiceHours::label));
    m.put("billingModel", EnumLabels.label(c.billingModel(), BillingModel::valueOf, BillingModel::label));
    m.put("unitPrice", yuan(c.unitPrice()));
    m.put("termMonths", c.termMonths());
    m.put("proposalRound", c.proposalRound());
    m.put("reviewRound", c.reviewRound());
    m.put("signingMethod", EnumLabels.label(c.signingMethod(), SigningMethod::valueOf, SigningMethod::label));
    m.put("paperSigning", SigningMethod.PAPER.name().equals(c.signingMethod()));
    m.put("depositAmount", yuan(c.depositAmount()));
    m.put("depositHandling", EnumLabels.label(c.depositHandling(), DepositHandling::valueOf, DepositHandling::label));
    m.put("courierCompany", c.courierCompany());
    m.put("trackingNumber", c.trackingNumber());
    m.put("depositDue", c.depositAmount() != null && c.depositAmount().signum() > 0);
    // read from the latest clause set only when the template shows it (most e-mails do not, or only when a
    // deposit is due): one statement less per e-mail, e.g. per reminder of a timer storm (docs/performance.md)
    LazyContextVariable<String> depositLabel = new LazyContextVariable<>() {
      @Override
      protected String loadValue() {
        return depositLabel(c);
      }
    };
    m.put("depositLabel", depositLabel);
    // the proposal names an amount; whether it is 定金 or 履约保证金 is legal's choice in the contract
    m.put("depositKindNote", new LazyContextVariable<String>() {
      @Override
      protected String loadValue() {
        return DepositKind.UNDECIDED_LABEL.equals(depositLabel.getValue()) ? "（性质以合同条款为准）" : "";
      }
    });
    m.put("goLiveDate", day(c.goLiveDate()));
    return m;
  }

  /** 定金 or 履约保证金, as the contract's latest clauses call the money paid after signing. */
  public String depositLabel(Contract c) {
    return DepositKind.labelOf(clauseSets.latest(c.id()));
  }

  /** A date as merchants read it, e.g. 2026年12月3日 (null stays null). */
  public static String day(LocalDate date) {
    return date == null ? null : DAY.format(date);
  }

  /** An amount in CNY as merchants read it: thousands separators and two decimals, e.g. 12,000.00. */
  public static String yuan(BigDecimal amount) {
    if (amount == null) {
      return null;
    }
    DecimalFormat format = new DecimalFormat("#,##0.00", DecimalFormatSymbols.getInstance(Locale.ROOT));
    return format.format(amount.setScale(2, RoundingMode.HALF_UP));
  }
}
