package com.bpocontractflow.document;

import static com.bpocontractflow.signing.ContractSigningProcess.Tasks.COUNTERSIGN_CONTRACT;
import static com.bpocontractflow.signing.ContractSigningProcess.Tasks.RECEIVE_COUNTERSIGNED_CONTRACT;
import static com.bpocontractflow.signing.SigningTestData.countersign;
import static com.bpocontractflow.signing.SigningTestData.request;
import static org.assertj.core.api.Assertions.assertThat;

import com.bpocontractflow.common.Sha256;
import com.bpocontractflow.contract.ContractRepository;
import com.bpocontractflow.contract.SigningMethod;
import com.bpocontractflow.mail.MailOutbox;
import com.bpocontractflow.mail.OutboxMail;
import com.bpocontractflow.signing.ContractSigningProcess;
import com.bpocontractflow.signing.SignedCopyDelivery;
import com.bpocontractflow.signing.SigningRest;
import com.bpocontractflow.signing.SigningTestData;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The final signed copy (签署完成稿) once both parties signed: stored with its own hash beside the signed
 * version's, recognised by verify, downloaded by staff, and mailed to the merchant with a link that works.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "spring.datasource.url=jdbc:h2:mem:signed-copy-test;DB_CLOSE_DELAY=-1",
    "bpo.mail.sender-enabled=false",
    "camunda.bpm.job-execution.enabled=false"})
class SignedCopyApplicationTest {

  static final Pattern SIGNED_COPY_LINK = Pattern.compile("https?://[^\"\\s]+(/m/[A-Za-z0-9_-]{43})/signed-contract\\.pdf");
  static final Pattern ANSWER_LINK = Pattern.compile("https?://[^\"\\s]+(/m/[A-Za-z0-9_-]{43})\\b");

  @Autowired
  TestRestTemplate http;
  @Autowired
  ContractRepository contracts;
  @Autowired
  ContractDocuments documents;
  @Autowired
  ContractSignatures signatures;
  @Autowired
  SignedCopies signedCopies;
  @Autowired
  MailOutbox outbox;
  @Autowired
  JdbcClient jdbc;
  @Autowired
  SignedCopyDelivery signedCopyDelivery;

  TestRestTemplate staff() {
    return http.withBasicAuth("legal", "demo");
  }

  Map<?, ?> verify(String number, byte[] pdf) {
    return staff().postForObject("/staff/contracts/" + number + "/documents/verify", pdf, Map.class);
  }

  OutboxMail mail(String number, String template) {
    return outbox.findByContract(number).stream().filter(m -> m.template().equals(template)).reduce((a, b) -> b)
        .orElseThrow(() -> new AssertionError("no " + template + " e-mail for " + number));
  }

  @Test
  void shouldMakeAnElectronicContractsFinalCopyWithItsEvidencePageAndItsOwnHash() throws Exception {
    SigningRest rest = new SigningRest(http);
    SigningRest.Started contract = rest.start(request());
    rest.agreeOnContract(contract, "ELECTRONIC", "5000.00");
    rest.correlate("MerchantSigned", contract, Map.of("signerName", "王小明"));
    long id = contracts.findByNumber(contract.number()).orElseThrow().id();
    String download = "/staff/contracts/" + contract.number() + "/signed-copy.pdf";

    // one signature: no final copy yet
    assertThat(signedCopies.find(id)).isEmpty();
    ResponseEntity<String> notYet = staff().getForEntity(download, String.class);
    assertThat(notYet.getStatusCode().value()).isEqualTo(404);
    assertThat(notYet.getBody()).contains("尚未由双方签署，还没有签署完成稿");

    rest.complete(contract, COUNTERSIGN_CONTRACT, countersign());

    ContractDocuments.Version signed = documents.find(id, 1).orElseThrow();
    SignedCopies.SignedCopy copy = signedCopies.find(id).orElseThrow();
    byte[] copyPdf = signedCopies.pdf(id).orElseThrow();
    byte[] signedPdf = documents.pdf(id, 1).orElseThrow();
    assertThat(copy.method()).isEqualTo(SigningMethod.ELECTRONIC);
    assertThat(copy.documentVersion()).isEqualTo(1);
    assertThat(copy.pdfSha256()).isEqualTo(Sha256.hex(copyPdf)).isNotEqualTo(signed.pdfSha256());
    // the version the merchant signed keeps its hash; the copy names it
    assertThat(copy.signedPdfSha256()).isEqualTo(signed.pdfSha256()).isEqualTo(Sha256.hex(signedPdf));
    assertThat(signatures.of(id)).hasSize(2).allSatisfy(s -> assertThat(s.documentSha256()).isEqualTo(signed.pdfSha256()));
    assertThat(PdfRendererTest.pdfA1bErrors(copyPdf)).isEmpty();
    try (PDDocument document = Loader.loadPDF(copyPdf); PDDocument original = Loader.loadPDF(signedPdf)) {
      PDFTextStripper lastPage = new PDFTextStripper();
      lastPage.setStartPage(original.getNumberOfPages() + 1);
      assertThat(document.getNumberOfPages()).isEqualTo(original.getNumberOfPages() + 1);
      // dated by the last signature (our countersignature), so it follows from what is recorded
      assertThat(document.getDocumentInformation().getCreationDate().toInstant()).isEqualTo(signatures.of(id).stream()
          .map(ContractSignatures.Signature::signedAt).max(java.util.Comparator.naturalOrder()).orElseThrow()
          .truncatedTo(java.time.temporal.ChronoUnit.SECONDS).toInstant());
      assertThat(lastPage.getText(document).replaceAll("\\s+", "")).contains("签署页", contract.number(),
          signed.pdfSha256(), "签署人王小明", "签署人张经理", "（北京时间）", "第三方电子认证服务机构");
    }

    // verify: the signed version and the final copy, each said to be what it is
    Map<?, ?> signedCheck = verify(contract.number(), signedPdf);
    assertThat(signedCheck.get("recognisedAs")).isEqualTo("SIGNED_VERSION");
    assertThat(signedCheck.get("signed")).isEqualTo(true);
    assertThat(signedCheck.get("message")).isEqualTo("一致：该 PDF 就是双方签署的第 1 版");
    assertThat(signedCheck.get("signedCopySha256")).isEqualTo(copy.pdfSha256());
    Map<?, ?> copyCheck = verify(contract.number(), copyPdf);
    assertThat(copyCheck.get("recognisedAs")).isEqualTo("SIGNED_COPY");
    assertThat(copyCheck.get("signed")).isEqualTo(true);
    assertThat(copyCheck.get("sha256")).isEqualTo(copy.pdfSha256());
    assertThat(copyCheck.get("message")).isEqualTo("一致：该 PDF 是第 1 版的签署完成稿（双方签署的合同文本加签署页）；"
        + "其中双方签署的合同文本的 SHA-256 为 " + signed.pdfSha256());
    byte[] tampered = copyPdf.clone();
    tampered[tampered.length / 2] ^= 1;
    assertThat(verify(contract.number(), tampered).get("recognisedAs")).isEqualTo("UNKNOWN");

    // staff download it, after logging in
    assertThat(http.getForEntity(download, String.class).getStatusCode().value()).isEqualTo(401);
    ResponseEntity<byte[]> staffCopy = staff().getForEntity(download, byte[].class);
    assertThat(staffCopy.getStatusCode().value()).isEqualTo(200);
    assertThat(staffCopy.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_PDF);
    assertThat(Sha256.hex(staffCopy.getBody())).isEqualTo(copy.pdfSha256());
    assertThat(staffCopy.getHeaders().getContentDisposition().getFilename())
        .isEqualTo("客服外包合同-" + contract.number() + "-第1版-签署完成稿.pdf");
    HttpHeaders html = new HttpHeaders();
    html.setAccept(List.of(MediaType.TEXT_HTML));
    String page = staff().exchange("/staff/contracts/" + contract.number(), HttpMethod.GET, new HttpEntity<>(html),
        String.class).getBody();
    assertThat(page).contains("签署完成稿", copy.pdfSha256(), signed.pdfSha256(), download);
    @SuppressWarnings("unchecked")
    Map<String, Object> listed = (Map<String, Object>) staff().getForObject(
        "/staff/contracts/" + contract.number() + "/documents", Map.class).get("signedCopy");
    assertThat(listed).containsEntry("pdfSha256", copy.pdfSha256()).containsEntry("signedPdfSha256", signed.pdfSha256());

    // the merchant's e-mail and its link, which works more than once
    OutboxMail mail = mail(contract.number(), "SIGNED_COPY");
    assertThat(mail.subject()).isEqualTo("【合同编号 " + contract.number() + "】合同已签署：签署完成稿（第 1 版）");
    assertThat(mail.recipient()).isEqualTo("ops@xiaoxiang.example.com");
    assertThat(mail.bodyText()).contains("双方完成电子签名", "签署完成稿 SHA-256：" + copy.pdfSha256(),
        "所签合同文本 SHA-256：" + signed.pdfSha256(), "可多次使用");
    Matcher link = SIGNED_COPY_LINK.matcher(mail.bodyText());
    assertThat(link.find()).isTrue();
    assertThat(mail.bodyHtml()).contains(link.group());
    String path = link.group(1) + "/signed-contract.pdf";
    for (int i = 0; i < 2; i++) {
      ResponseEntity<byte[]> merchantCopy = http.getForEntity(path, byte[].class);
      assertThat(merchantCopy.getStatusCode().value()).isEqualTo(200);
      assertThat(Sha256.hex(merchantCopy.getBody())).isEqualTo(copy.pdfSha256());
    }
    // the download link answers no step, and an answer link downloads nothing
    assertThat(http.getForEntity(link.group(1), String.class).getStatusCode().value()).isEqualTo(404);
    Matcher answerLink = ANSWER_LINK.matcher(mail(contract.number(), "SIGNING_INSTRUCTIONS").bodyText());
    assertThat(answerLink.find()).isTrue();
    ResponseEntity<String> wrongKind = http.getForEntity(answerLink.group(1) + "/signed-contract.pdf", String.class);
    assertThat(wrongKind.getStatusCode().value()).isEqualTo(404);
    assertThat(wrongKind.getBody()).contains("链接无效");
    // an expired link says so
    jdbc.sql("UPDATE merchant_link SET expires_at = created_at WHERE contract_id = :id AND step = 'SIGNED_COPY'")
        .param("id", id).update();
    ResponseEntity<String> expired = http.getForEntity(path, String.class);
    assertThat(expired.getStatusCode().value()).isEqualTo(410);
    assertThat(expired.getBody()).contains("链接已过期");
  }

  @Test
  void shouldMakeTheSignedCopyAndItsEmailOnceInAJobAfterTheSecondSignatureNotInItsRequest() {
    for (String method : List.of("PAPER", "ELECTRONIC")) {
      SigningRest rest = new SigningRest(http);
      SigningRest.Started contract = rest.start(request());
      rest.agreeOnContract(contract, method, "5000.00");
      String second;
      if (method.equals("PAPER")) {
        rest.complete(contract, "seal-contract", SigningTestData.seal());
        rest.complete(contract, "courier-contract", SigningTestData.courier());
        second = RECEIVE_COUNTERSIGNED_CONTRACT;
      } else {
        rest.correlate("MerchantSigned", contract, Map.of("signerName", "王小明"));
        second = COUNTERSIGN_CONTRACT;
      }
      long id = contracts.findByNumber(contract.number()).orElseThrow().id();
      Map<String, Object> values = method.equals("PAPER") ? SigningTestData.countersignedCopyReceived() : countersign();
      // the staff member's completion, as Tasklist sends it: the job after it is not run yet
      rest.as(SigningRest.workerOf(second)).post("/task/" + rest.taskId(contract, second) + "/complete",
          Map.of("variables", SigningRest.typed(values)), HttpStatus.NO_CONTENT);

      assertThat(signatures.of(id)).as(method).hasSize(2);
      assertThat(signedCopies.find(id)).as(method).isEmpty();
      assertThat(outbox.findByContract(contract.number())).extracting(OutboxMail::template).doesNotContain("SIGNED_COPY");
      assertThat(rest.as("admin").getList("/job?processInstanceId=" + contract.processInstanceId() + "&activityId="
          + ContractSigningProcess.Elements.MAKE_SIGNED_COPY)).as(method).hasSize(1);

      rest.makeSignedCopy(contract);
      assertThat(signedCopies.find(id)).as(method).isPresent();
      assertThat(rest.taskKeys(contract)).as(method).contains("confirm-deposit");
      // run again (a retried job): neither the copy nor its e-mail is made twice
      signedCopyDelivery.bothSigned(id, contract.processInstanceId());
      assertThat(outbox.findByContract(contract.number())).extracting(OutboxMail::template).as(method)
          .containsOnlyOnce("SIGNED_COPY");
      assertThat(jdbc.sql("SELECT count(*) FROM contract_signed_copy WHERE contract_id = :id").param("id", id)
          .query(Long.class).single()).isEqualTo(1L);
    }
  }

  @Test
  void shouldKeepAPaperContractsSignedVersionAsItsFinalCopyAndMailIt() {
    SigningRest rest = new SigningRest(http);
    SigningRest.Started contract = rest.start(request());
    rest.agreeOnContract(contract, "PAPER", "5000.00");
    rest.signOnPaper(contract);
    long id = contracts.findByNumber(contract.number()).orElseThrow().id();

    ContractDocuments.Version signed = documents.find(id, 1).orElseThrow();
    SignedCopies.SignedCopy copy = signedCopies.find(id).orElseThrow();
    assertThat(copy.method()).isEqualTo(SigningMethod.PAPER);
    assertThat(copy.pdfSha256()).isEqualTo(copy.signedPdfSha256()).isEqualTo(signed.pdfSha256());
    Map<?, ?> check = verify(contract.number(), documents.pdf(id, 1).orElseThrow());
    assertThat(check.get("recognisedAs")).isEqualTo("SIGNED_VERSION");
    assertThat(check.get("message")).isEqualTo("一致：该 PDF 就是双方签署的第 1 版（纸质合同：签署完成稿即该版本的 PDF，原件为双方盖章的纸质合同）");

    OutboxMail mail = mail(contract.number(), "SIGNED_COPY");
    assertThat(mail.bodyText()).contains("合同原件以双方盖章的纸质合同为准", "签署完成稿 SHA-256：" + copy.pdfSha256())
        .doesNotContain("所签合同文本 SHA-256");
    Matcher link = SIGNED_COPY_LINK.matcher(mail.bodyText());
    assertThat(link.find()).isTrue();
    ResponseEntity<byte[]> merchantCopy = http.getForEntity(link.group(1) + "/signed-contract.pdf", byte[].class);
    assertThat(Sha256.hex(merchantCopy.getBody())).isEqualTo(signed.pdfSha256());
    // what is known of the paper originals is on the staff page with the signatures
    HttpHeaders html = new HttpHeaders();
    html.setAccept(List.of(MediaType.TEXT_HTML));
    assertThat(staff().exchange("/staff/contracts/" + contract.number(), HttpMethod.GET, new HttpEntity<>(html),
        String.class).getBody()).contains("顺丰速运 SF1234567890", "纸质合同：签署完成稿即所签版本的 PDF");
  }
}
