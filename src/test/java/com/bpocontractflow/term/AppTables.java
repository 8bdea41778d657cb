package com.bpocontractflow.term;

import com.bpocontractflow.contract.ClauseSets;
import com.bpocontractflow.contract.ContractRepository;
import com.bpocontractflow.contract.NewContract;
import com.bpocontractflow.contract.ShopPlatform;
import com.bpocontractflow.deposit.DepositLedger;
import com.bpocontractflow.document.ProviderParty;
import com.bpocontractflow.merchant.MerchantLinkProperties;
import com.bpocontractflow.merchant.MerchantLinks;
import com.bpocontractflow.mail.MailOutbox;
import com.bpocontractflow.mail.MailRenderer;
import com.bpocontractflow.mail.MerchantMailer;
import com.bpocontractflow.mail.PayeeAccount;
import com.bpocontractflow.mail.ProviderProperties;
import com.bpocontractflow.mail.ServicePromises;
import com.bpocontractflow.signing.ClauseRules;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DriverManagerDataSource;

/**
 * The application's own tables (migrated by Flyway) in a fresh in-memory H2 database, with the real
 * repositories and the real mailer writing to the real outbox, for engine tests of the processes after
 * go-live.
 */
public final class AppTables {

  public final JdbcClient jdbc;
  public final ContractRepository contracts;
  public final ClauseSets clauseSets;
  public final DepositLedger ledger;
  public final TermRecords terms;
  public final MailOutbox outbox;
  public final MerchantMailer mailer;

  public AppTables() {
    DriverManagerDataSource dataSource = new DriverManagerDataSource(
        "jdbc:h2:mem:app-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1", "sa", "");
    Flyway.configure().dataSource(dataSource).locations("classpath:db/migration").load().migrate();
    jdbc = JdbcClient.create(dataSource);
    contracts = new ContractRepository(jdbc);
    clauseSets = new ClauseSets(jdbc);
    ledger = new DepositLedger(jdbc);
    terms = new TermRecords(jdbc);
    outbox = new MailOutbox(jdbc);
    mailer = new MerchantMailer(new MailRenderer(), outbox, new ProviderProperties("https://bpo.example.com", "星海客服外包服务有限公司"),
      new ServicePromises(1), new PayeeAccount(null, null, null), clauseSets);
  }

  /** 12 months, 5 seats at 6,000.00 (30,000.00 a month), deposit 5,000.00 set off, penalty 20,000.00. */
  public static Map<String, Object> signedClauses(int trialDays) {
    Map<String, Object> c = new HashMap<>(ClauseRules.standardTemplate());
    c.put("serviceScope", "售前咨询、订单核对、售后跟进、退款协商，覆盖天猫店铺全部咨询渠道");
    c.put("serviceHours", "EXTENDED");
    c.put("billingModel", "PER_SEAT");
    c.put("unitPrice", "6000.00");
    c.put("depositAmount", "5000.00");
    c.put("depositHandling", "SET_OFF");
    c.put("termMonths", 12);
    c.put("disputeForum", "ARBITRATION");
    c.put("forumVenue", "杭州仲裁委员会");
    c.put("trialDays", trialDays);
    c.put("earlyTerminationPenalty", "20000.00");
    return c;
  }

  /** A signed contract: 5 seats at 6,000.00 per seat and month, deposit 5,000.00 paid, with these clauses. */
  public long signedContract(LocalDate goLive, Map<String, Object> clauses) {
    return signedContract(null, goLive, clauses);
  }

  /** The same, under the number given at the start ({@code null}: the number the application assigns). */
  public long signedContract(String number, LocalDate goLive, Map<String, Object> clauses) {
    long id = contracts.register(new NewContract(number, "杭州小象旗舰店", "ops@xiaoxiang.example.com", "王小明", null,
        ShopPlatform.TMALL, 5, "售前咨询与售后跟进")).id();
    contracts.update(id, Map.of("billing_model", clauses.get("billingModel"), "unit_price", clauses.get("unitPrice"),
        "deposit_amount", clauses.get("depositAmount"), "deposit_handling", clauses.get("depositHandling"),
        "go_live_date", goLive, "term_months", clauses.get("termMonths")));
    clauseSets.record(id, clauses, "legal");
    ledger.record(id, new java.math.BigDecimal("5000.00"), "PAY-TEST-" + id, "payments");
    return id;
  }

  /** The PDF renderer of the engine tests: the font is parsed once. */
  static final class Pdf {
    static final com.bpocontractflow.document.PdfRenderer RENDERER = new com.bpocontractflow.document.PdfRenderer();
  }

  /** The data steps of contract-term on these tables, links and certificates for real. */
  public DataDisposals dataDisposals(org.camunda.bpm.engine.RuntimeService runtimeService) {
    com.bpocontractflow.mail.ProviderProperties provider =
        new ProviderProperties("https://bpo.example.com", "星海客服外包服务有限公司");
    MerchantLinks links = new MerchantLinks(jdbc, runtimeService,
        new MerchantLinkProperties(java.time.Duration.ofDays(14), java.time.Duration.ofDays(3653)), provider);
    return new DataDisposals(contracts, clauseSets, terms, mailer, links, certificates(), PROVIDER);
  }

  /** The beans contract-term's model calls, on these tables, registered for an engine test (camunda-bpm-junit5 Mocks). */
  public void registerContractTermBeans(org.camunda.bpm.engine.RuntimeService runtimeService) {
    org.camunda.bpm.engine.test.mock.Mocks.register("serviceTerm", new ServiceTerm(contracts, clauseSets, ledger, terms, mailer));
    org.camunda.bpm.engine.test.mock.Mocks.register("dataDisposals", dataDisposals(runtimeService));
    org.camunda.bpm.engine.test.mock.Mocks.register("slaPeriods", slaPeriods());
    org.camunda.bpm.engine.test.mock.Mocks.register("merchantAccess", new com.bpocontractflow.onboarding.MerchantAccess(
        new com.bpocontractflow.onboarding.OnboardingChecklist(jdbc),
        new com.bpocontractflow.onboarding.MerchantAccessRevocations(jdbc), terms));
    org.camunda.bpm.engine.test.mock.Mocks.register("refunds", refunds());
    org.camunda.bpm.engine.test.mock.Mocks.register("userTaskListener", new com.bpocontractflow.signing.UserTaskListener(
        org.mockito.Mockito.mock(com.bpocontractflow.signing.SigningRecorder.class),
        new com.bpocontractflow.validation.VaguePhrases(List.of()), new com.bpocontractflow.signing.LatePaymentCap(null)));
  }

  /** The monthly SLA figures of contract-term on these tables (figures wait P3D, the default). */
  public com.bpocontractflow.sla.SlaPeriods slaPeriods() {
    return new com.bpocontractflow.sla.SlaPeriods(contracts, new com.bpocontractflow.sla.SlaReviews(jdbc),
        new com.bpocontractflow.sla.SlaProperties(null, null));
  }

  /** The refund confirmations on these tables, the calendar shipped. */
  public Refunds refunds() {
    return new Refunds(jdbc, contracts, mailer);
  }

  /** The deletion certificates on these tables, rendered with the application's template and font. */
  public DataDeletionCertificates certificates() {
    return new DataDeletionCertificates(jdbc, documentTemplates(), Pdf.RENDERER);
  }

  /** The application's Thymeleaf templates (src/main/resources/templates) as documents are rendered from them. */
  public static org.thymeleaf.spring6.SpringTemplateEngine documentTemplates() {
    org.thymeleaf.templateresolver.ClassLoaderTemplateResolver resolver =
        new org.thymeleaf.templateresolver.ClassLoaderTemplateResolver();
    resolver.setPrefix("templates/");
    resolver.setSuffix(".html");
    resolver.setTemplateMode(org.thymeleaf.templatemode.TemplateMode.HTML);
    resolver.setCharacterEncoding("UTF-8");
    org.thymeleaf.spring6.SpringTemplateEngine engine = new org.thymeleaf.spring6.SpringTemplateEngine();
    engine.setTemplateResolver(resolver);
    return engine;
  }

  /** The provider as a party, as configured by default. */
  public static final ProviderParty PROVIDER = new ProviderParty("91330106MA27XU3X6N", "浙江省杭州市西湖区文三路 90 号 8 楼",
      "陈星海", "浙江省杭州市西湖区文三路 90 号 8 楼 法务部", "legal@bpo.example.com");

  /** The templates of the e-mails written for a contract, in order. */
  public List<String> mails(String contractNumber) {
    return outbox.findByContract(contractNumber).stream().map(m -> m.template()).toList();
  }
}
