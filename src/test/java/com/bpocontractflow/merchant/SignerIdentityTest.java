package com.bpocontractflow.merchant;

import com.bpocontractflow.common.Sha256;
import static com.bpocontractflow.signing.SigningTestData.request;
import static org.assertj.core.api.Assertions.assertThat;

import com.bpocontractflow.common.Clocks;
import com.bpocontractflow.contract.ContractRepository;
import com.bpocontractflow.contract.Party;
import com.bpocontractflow.contract.SignerAuthority;
import com.bpocontractflow.document.ContractSignatures;
import com.bpocontractflow.mail.MailOutbox;
import com.bpocontractflow.mail.OutboxMail;
import com.bpocontractflow.signing.SigningRest;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The built-in e-signature identifies the signer beyond a typed name (issue #11): a one-time code e-mailed
 * to the contract's notice e-mail, and the signer's authority — the legal representative named in the
 * contract, or an authorised signatory with an uploaded power of attorney. Every refusal is a 4xx in zh-CN
 * that changes nothing; the signature records how the signer was identified.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "spring.datasource.url=jdbc:h2:mem:signer-identity-test;DB_CLOSE_DELAY=-1",
    "bpo.mail.sender-enabled=false",
    "camunda.bpm.job-execution.enabled=false"})
class SignerIdentityTest {

  static final String NOTICE_EMAIL = "legal@xiaoxiang.example.com";
  static final String MASKED = "l***@xiaoxiang.example.com";

  @LocalServerPort
  int port;
  @Autowired
  TestRestTemplate anonymous;
  @Autowired
  MailOutbox outbox;
  @Autowired
  ContractRepository contracts;
  @Autowired
  ContractSignatures signatures;
  @Autowired
  JdbcClient jdbc;

  final HttpClient http = HttpClient.newHttpClient();
  final MerchantBrowser browser = new MerchantBrowser(http);
  SigningRest rest;

  @BeforeEach
  void authenticate() {
    rest = new SigningRest(anonymous);
  }

  @Test
  void shouldSignOnlyWithTheRightCodeInTimeAndCountWrongCodes() throws Exception {
    SigningRest.Started contract = electronicContractAwaitingSignature();
    String link = signLink(contract);
    String page = browser.get(link).body();
    assertThat(page).contains("验证码将发送至合同登记的甲方送达电子邮箱\n      <strong>" + MASKED + "</strong>",
        "不提供短信验证码", "不使用第三方电子认证服务机构（CA）颁发的数字证书", "法大大")
        .doesNotContain("可靠的电子签名");
    String hash = documentHash(page);

    // no code asked for
    assertRefused(browser.post(link, signing(hash, "000000", "LEGAL_REPRESENTATIVE")), 400, "「邮箱验证码」未填写：请先点击「获取验证码」");

    // the code goes to the notice e-mail of the clauses, not to the contact's e-mail of the request
    HttpResponse<String> sent = browser.post(link + "/code", Map.of());
    assertThat(sent.statusCode()).isEqualTo(200);
    assertThat(sent.body()).contains("验证码已发送至 <strong>" + MASKED + "</strong>");
    OutboxMail mail = SigningCodeMails.latest(outbox, contract.number());
    assertThat(mail.recipient()).isEqualTo(NOTICE_EMAIL)
        .isNotEqualTo(contracts.findByNumber(contract.number()).orElseThrow().merchantEmail());
    assertThat(mail.subject()).contains("电子签署验证码");
    assertThat(mail.bodyText()).doesNotContain("可靠的电子签名").doesNotContain("数字证书");
    String code = SigningCodeMails.code(outbox, contract.number());
    Map<String, Object> stored = jdbc.sql("SELECT code_hash, sent_to, attempts FROM signing_code").query().singleRow();
    assertThat(stored.get("CODE_HASH").toString()).hasSize(64).doesNotContain(code);
    assertThat(stored.get("SENT_TO")).isEqualTo(MASKED);

    // another code only after a while
    HttpResponse<String> again = browser.post(link + "/code", Map.of());
    assertThat(again.statusCode()).isEqualTo(429);
    assertThat(again.body()).contains("「邮箱验证码」刚刚已发送，请查收邮件；如未收到，请在", "秒后重新获取");
    assertThat(outbox.findByContract(contract.number())).filteredOn(m -> m.template().equals("SIGNING_CODE")).hasSize(1);

    // wrong codes are counted even though the signing is refused; the fifth voids the code
    String wrong = String.format("%06d", (Integer.parseInt(code) + 1) % 1_000_000);
    assertRefused(browser.post(link, signing(hash, wrong, "LEGAL_REPRESENTATIVE")), 400, "「邮箱验证码」不正确，还可再试 4 次");
    assertThat(attempts()).isEqualTo(1);
    for (int left = 3; left >= 1; left--) {
      assertRefused(browser.post(link, signing(hash, wrong, "LEGAL_REPRESENTATIVE")), 400, "还可再试 " + left + " 次");
    }
    assertRefused(browser.post(link, signing(hash, wrong, "LEGAL_REPRESENTATIVE")), 400, "输入错误已达 5 次，该验证码已失效");
    assertRefused(browser.post(link, signing(hash, code, "LEGAL_REPRESENTATIVE")), 400, "输入错误已达 5 次，该验证码已失效");
    assertThat(attempts()).isEqualTo(5);
    assertNotSigned(contract);

    // a new code, left to expire
    letResendIntervalPass();
    assertThat(browser.post(link + "/code", Map.of()).statusCode()).isEqualTo(200);
    String expiring = SigningCodeMails.code(outbox, contract.number());
    jdbc.sql("UPDATE signing_code SET expires_at = :past WHERE id = (SELECT MAX(id) FROM signing_code)")
        .param("past", OffsetDateTime.now(Clocks.ZONE).minusSeconds(1)).update();
    assertRefused(browser.post(link, signing(hash, expiring, "LEGAL_REPRESENTATIVE")), 400, "「邮箱验证码」已过期（有效期 10 分钟）");
    assertNotSigned(contract);

    // the right code in time, signed as the legal representative named in the contract
    letResendIntervalPass();
    assertThat(browser.post(link + "/code", Map.of()).statusCode()).isEqualTo(200);
    String fresh = SigningCodeMails.code(outbox, contract.number());
    assertRefused(browser.post(link, signing(hash, code, "LEGAL_REPRESENTATIVE")), 400, "「邮箱验证码」不正确",
        "还可再试 4 次");
    OffsetDateTime before = OffsetDateTime.now(Clocks.ZONE).minusSeconds(1);
    HttpResponse<String> signed = browser.post(link, signing(hash, fresh, "LEGAL_REPRESENTATIVE"));
    assertThat(signed.statusCode()).as(signed.body()).isEqualTo(200);

    ContractSignatures.Signature signature = merchantSignature(contract);
    assertThat(signature.signer()).isEqualTo("王小明");
    assertThat(signature.identification()).isEqualTo("电子邮件一次性验证码 至 " + MASKED);
    assertThat(signature.identifiedAt()).isAfter(before).isBeforeOrEqualTo(signature.signedAt());
    assertThat(signature.authority()).isEqualTo(SignerAuthority.LEGAL_REPRESENTATIVE);
    assertThat(signature.authorityDocumentSha256()).isNull();
    assertThat(rest.variable(contract, "signerIdentification")).isEqualTo("电子邮件一次性验证码 至 " + MASKED);

    // the staff documents page shows it
    HttpHeaders headers = new HttpHeaders();
    headers.setAccept(List.of(MediaType.TEXT_HTML));
    String staffPage = anonymous.withBasicAuth("legal", "demo").exchange("/staff/contracts/" + contract.number(),
        HttpMethod.GET, new HttpEntity<>(headers), String.class).getBody();
    assertThat(staffPage).contains("电子邮件一次性验证码 至 " + MASKED, "法定代表人");
  }

  @Test
  void shouldCheckTheSignersAuthorityAndThePowerOfAttorney() throws Exception {
    SigningRest.Started contract = electronicContractAwaitingSignature();
    String link = signLink(contract);
    String hash = documentHash(browser.get(link).body());
    assertThat(browser.post(link + "/code", Map.of()).statusCode()).isEqualTo(200);
    String code = SigningCodeMails.code(outbox, contract.number());

    Map<String, String> notTheRepresentative = signing(hash, code, "LEGAL_REPRESENTATIVE");
    notTheRepresentative.put("signerName", "李四");
    assertRefused(browser.post(link, notTheRepresentative), 400,
        "「签署人姓名」与合同登记的甲方法定代表人「王小明」不一致", "请选择「授权签署人」并上传授权委托书");
    assertRefused(browser.post(link, signing(hash, code, "")), 400, "请填写「签署人身份」");
    assertRefused(browser.post(link, signing(hash, code, "BOSS")), 400, "「签署人身份」必须是以下之一");

    Map<String, String> signatory = signing(hash, code, "AUTHORISED_SIGNATORY");
    signatory.put("signerName", "李四");
    assertRefused(browser.post(link, signatory), 400, "「授权委托书」未上传");
    assertRefused(multipart(link, signatory, null, null), 400, "「授权委托书」未上传");
    assertRefused(multipart(link, signatory, "委托书.pdf", "这不是 PDF".getBytes(StandardCharsets.UTF_8)), 400,
        "「授权委托书」文件格式不支持：只接受 PDF、JPG 或 PNG 文件");
    byte[] tooLarge = new byte[5 * 1024 * 1024 + 1];
    System.arraycopy("%PDF-1.4".getBytes(StandardCharsets.US_ASCII), 0, tooLarge, 0, 8);
    assertRefused(multipart(link, signatory, "委托书.pdf", tooLarge), 400, "「授权委托书」文件过大：最大 5 MB");
    assertNotSigned(contract);
    assertThat(jdbc.sql("SELECT COUNT(*) FROM signing_authority_document").query(Integer.class).single())
        .as("refused uploads are not kept").isZero();
    assertThat(attempts()).as("only wrong codes count").isZero();

    byte[] power = "%PDF-1.4\n1 0 obj <<>> endobj\n授权委托书：兹授权李四代表本公司签署合同\n%%EOF\n"
        .getBytes(StandardCharsets.UTF_8);
    HttpResponse<String> signed = multipart(link, signatory, "委托书.txt", power);
    assertThat(signed.statusCode()).as(signed.body()).isEqualTo(200);

    ContractSignatures.Signature signature = merchantSignature(contract);
    assertThat(signature.signer()).isEqualTo("李四");
    assertThat(signature.authority()).isEqualTo(SignerAuthority.AUTHORISED_SIGNATORY);
    assertThat(signature.authorityDocumentSha256()).isEqualTo(Sha256.hex(power));
    assertThat(signature.identification()).isEqualTo("电子邮件一次性验证码 至 " + MASKED);
    Map<String, Object> document = jdbc.sql("SELECT content_type, size_bytes, sha256, content FROM signing_authority_document")
        .query().singleRow();
    assertThat(document.get("CONTENT_TYPE")).isEqualTo("application/pdf");
    assertThat(document.get("SIZE_BYTES")).isEqualTo(power.length);
    assertThat(document.get("SHA256").toString().trim()).isEqualTo(Sha256.hex(power));
    assertThat((byte[]) document.get("CONTENT")).isEqualTo(power);
  }

  @Test
  void shouldAnswerAnUploadAboveWhatTheServerReadsWithThePageAndAZhCnMessage() throws Exception {
    SigningRest.Started contract = electronicContractAwaitingSignature();
    String link = signLink(contract);
    String hash = documentHash(browser.get(link).body());
    byte[] huge = new byte[11 * 1024 * 1024];
    System.arraycopy("%PDF-1.4".getBytes(StandardCharsets.US_ASCII), 0, huge, 0, 8);
    Map<String, String> signatory = signing(hash, "123456", "AUTHORISED_SIGNATORY");

    assertRefused(multipart(link, signatory, "委托书.pdf", huge), 413, "「授权委托书」文件过大：最大 5 MB");
    assertNotSigned(contract);
    assertThat(browser.get(link).statusCode()).as("the link stays usable").isEqualTo(200);
  }

  @Test
  void shouldRecogniseThePowerOfAttorneyByItsBytes() {
    assertThat(AuthorityDocuments.Kind.of(new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, (byte) 0xE0}))
        .contains(AuthorityDocuments.Kind.JPEG);
    assertThat(AuthorityDocuments.Kind.of(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n', 0}))
        .contains(AuthorityDocuments.Kind.PNG);
    assertThat(AuthorityDocuments.Kind.of("%PDF-1.7".getBytes(StandardCharsets.US_ASCII)))
        .contains(AuthorityDocuments.Kind.PDF);
    assertThat(AuthorityDocuments.Kind.of("GIF89a".getBytes(StandardCharsets.US_ASCII))).isEmpty();
    assertThat(AuthorityDocuments.Kind.of(new byte[] {(byte) 0xFF, (byte) 0xD8})).isEmpty();
    assertThat(SigningCodes.mask("legal@xiaoxiang.example.com")).isEqualTo("l***@xiaoxiang.example.com");
    assertThat(SigningCodes.mask("王@example.com")).isEqualTo("王***@example.com");
  }

  // ---------------------------------------------------------------- helpers

  SigningRest.Started electronicContractAwaitingSignature() {
    jdbc.sql("DELETE FROM signing_code").update();
    jdbc.sql("DELETE FROM signing_authority_document").update();
    SigningRest.Started contract = rest.start(request());
    rest.agreeOnContract(contract, "ELECTRONIC", "0");
    return contract;
  }

  String signLink(SigningRest.Started contract) {
    OutboxMail mail = outbox.findByContract(contract.number()).stream()
        .filter(m -> m.template().equals("SIGNING_INSTRUCTIONS")).findFirst().orElseThrow();
    Matcher matcher = MerchantLinksTest.LINK.matcher(mail.bodyText());
    assertThat(matcher.find()).isTrue();
    return "http://localhost:" + port + "/m/" + matcher.group(1);
  }

  static String documentHash(String page) {
    Matcher hash = MerchantLinksTest.DOCUMENT_HASH.matcher(page);
    assertThat(hash.find()).isTrue();
    return hash.group(1);
  }

  static Map<String, String> signing(String hash, String code, String authority) {
    Map<String, String> form = new LinkedHashMap<>();
    form.put("signerName", "王小明");
    form.put("consent", "on");
    form.put("documentSha256", hash);
    form.put("code", code);
    form.put("authority", authority);
    return form;
  }

  int attempts() {
    return jdbc.sql("SELECT attempts FROM signing_code ORDER BY id DESC LIMIT 1").query(Integer.class).single();
  }

  void letResendIntervalPass() {
    jdbc.sql("UPDATE signing_code SET created_at = :past").param("past", OffsetDateTime.now(Clocks.ZONE).minusMinutes(2))
        .update();
  }

  ContractSignatures.Signature merchantSignature(SigningRest.Started contract) {
    long id = contracts.findByNumber(contract.number()).orElseThrow().id();
    return signatures.of(id).stream().filter(s -> s.party() == Party.MERCHANT).findFirst().orElseThrow();
  }

  void assertNotSigned(SigningRest.Started contract) {
    long id = contracts.findByNumber(contract.number()).orElseThrow().id();
    assertThat(signatures.of(id)).isEmpty();
    assertThat(contracts.get(id).merchantSignerName()).isNull();
  }

  static void assertRefused(HttpResponse<String> response, int status, String... messages) {
    assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
    assertThat(response.body()).contains(messages);
  }

  /** The signing form as a browser posts it (multipart/form-data), with the file field empty when no file. */
  HttpResponse<String> multipart(String url, Map<String, String> form, String filename, byte[] file) throws Exception {
    String boundary = "----bpo" + System.nanoTime();
    ByteArrayOutputStream body = new ByteArrayOutputStream();
    for (Map.Entry<String, String> field : form.entrySet()) {
      body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + field.getKey() + "\"\r\n\r\n"
          + field.getValue() + "\r\n").getBytes(StandardCharsets.UTF_8));
    }
    body.write(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"authorityDocument\"; filename=\""
        + (filename == null ? "" : filename) + "\"\r\nContent-Type: application/pdf\r\n\r\n").getBytes(StandardCharsets.UTF_8));
    if (file != null) {
      body.write(file);
    }
    body.write(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
    return http.send(HttpRequest.newBuilder(URI.create(url)).header("User-Agent", "bpo-contract-flow-test")
        .header("Content-Type", "multipart/form-data; boundary=" + boundary)
        .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray())).build(), HttpResponse.BodyHandlers.ofString());
  }
}
