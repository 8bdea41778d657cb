package com.bpocontractflow.document;

import static com.bpocontractflow.signing.SigningTestData.request;
import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import com.bpocontractflow.common.Sha256;
import com.bpocontractflow.contract.ContractRepository;
import com.bpocontractflow.signing.ContractSigningProcess;
import com.bpocontractflow.signing.SigningRest;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.autoconfigure.web.servlet.AutoConfigureMockMvc;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.mock.web.MockHttpSession;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.MvcResult;

/**
 * #17: the staff page where legal uploads the scan of a paper contract's sealed original before
 * archive-contract-original: who may use it, the page's token, the kinds accepted by their bytes, the size
 * limit, the SHA-256 stored and shown, and the task refusing to complete before an upload.
 */
@AutoConfigureMockMvc
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "spring.datasource.url=jdbc:h2:mem:original-scan-page-test;DB_CLOSE_DELAY=-1",
    "bpo.mail.sender-enabled=false",
    "camunda.bpm.job-execution.enabled=false"})
class OriginalScanPageTest {

  static final byte[] PNG = concat(new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'},
      "盖章原件扫描".getBytes(StandardCharsets.UTF_8));

  @Autowired
  TestRestTemplate http;
  @Autowired
  MockMvc mvc;
  @Autowired
  ContractOriginals originals;
  @Autowired
  ContractRepository contracts;
  @Autowired
  org.camunda.bpm.engine.RuntimeService runtime;

  static String basic(String user) {
    return "Basic " + Base64.getEncoder().encodeToString((user + ":demo").getBytes(StandardCharsets.UTF_8));
  }

  static byte[] concat(byte[] a, byte[] b) {
    byte[] all = Arrays.copyOf(a, a.length + b.length);
    System.arraycopy(b, 0, all, a.length, b.length);
    return all;
  }

  static String body(MvcResult result) throws Exception {
    return result.getResponse().getContentAsString(StandardCharsets.UTF_8);
  }

  MvcResult upload(String number, MockHttpSession session, String csrf, String filename, byte[] bytes, int expected)
      throws Exception {
    var post = multipart("/staff/contracts/" + number + "/original-scan")
        .file(new MockMultipartFile("scan", filename, "application/pdf", bytes))
        .session(session).header("Authorization", basic("legal"));
    if (csrf != null) {
      post.param("csrf", csrf);
    }
    return mvc.perform(post).andExpect(status().is(expected)).andReturn();
  }

  @Test
  void shouldLetLegalUploadAScanByItsBytesWithinTheLimitAndShowItsHashBeforeTheArchiveTaskCompletes() throws Exception {
    SigningRest rest = new SigningRest(http);
    SigningRest.Started contract = rest.start(request());
    rest.agreeOnContract(contract, "PAPER", "5000.00");
    rest.signOnPaper(contract);
    assertThat(rest.taskKeys(contract)).contains("archive-contract-original", "confirm-deposit");
    String page = "/staff/contracts/" + contract.number() + "/original-scan";
    long contractId = contracts.findByNumber(contract.number()).orElseThrow().id();

    // staff login as the other staff pages; legal and managers only
    mvc.perform(get(page).accept(MediaType.TEXT_HTML)).andExpect(status().isUnauthorized());
    assertThat(body(mvc.perform(get(page).accept(MediaType.TEXT_HTML).header("Authorization", basic("sales")))
        .andExpect(status().isForbidden()).andReturn())).contains("只有法务团队和管理层可以上传合同原件扫描件");
    mvc.perform(get(page).accept(MediaType.TEXT_HTML).header("Authorization", basic("manager")))
        .andExpect(status().isOk());
    MockHttpSession session = new MockHttpSession();
    String form = body(mvc.perform(get(page).accept(MediaType.TEXT_HTML).session(session)
        .header("Authorization", basic("legal"))).andExpect(status().isOk()).andReturn());
    assertThat(form).contains("还没有上传扫描件", "enctype=\"multipart/form-data\"", "最大 <span>5 MB</span>");
    Matcher token = Pattern.compile("name=\"csrf\" value=\"([A-Za-z0-9_-]+)\"").matcher(form);
    assertThat(token.find()).isTrue();
    String csrf = token.group(1);

    // completing the task before an upload is refused, zh-CN, and changes nothing
    ResponseEntity<Map> refused = http.withBasicAuth("legal", "demo").exchange(
        "/engine-rest/task/" + rest.taskId(contract, "archive-contract-original") + "/complete", HttpMethod.POST,
        json(Map.of("variables", SigningRest.typed(Map.of("archiveLocation", "法务部档案柜 B-3")))), Map.class);
    assertThat(refused.getStatusCode().value()).isEqualTo(400);
    assertThat(String.valueOf(refused.getBody())).contains("「合同原件·盖章原件扫描件」尚未上传");
    assertThat(rest.taskKeys(contract)).contains("archive-contract-original");

    // without the page's token; not a PDF, JPEG or PNG by its bytes; above the limit: refused, nothing stored
    upload(contract.number(), session, null, "scan.png", PNG, 403);
    upload(contract.number(), new MockHttpSession(), csrf, "scan.png", PNG, 403);
    assertThat(body(upload(contract.number(), session, csrf, "scan.pdf",
        "就是一段文字".getBytes(StandardCharsets.UTF_8), 400)))
        .contains("「盖章原件扫描件」文件格式不支持：只接受 PDF、JPG 或 PNG 文件（按文件内容判断，不按文件名）");
    byte[] large = concat("%PDF-1.7\n".getBytes(StandardCharsets.US_ASCII), new byte[5 * 1024 * 1024]);
    assertThat(body(upload(contract.number(), session, csrf, "scan.pdf", large, 413)))
        .contains("「盖章原件扫描件」文件过大：最大 5 MB");
    assertThat(originals.latest(contractId)).isEmpty();
    assertThat(runtime.getVariable(contract.processInstanceId(), ContractSigningProcess.Vars.ORIGINAL_SCAN_SHA256))
        .isNull();

    // a PNG, whatever its name: stored with its SHA-256, set on the process, shown and downloadable
    String sha256 = Sha256.hex(PNG);
    assertThat(body(upload(contract.number(), session, csrf, "scan.pdf", PNG, 200))).contains("已上传，SHA-256：" + sha256);
    assertThat(originals.latest(contractId)).get().satisfies(scan -> {
      assertThat(scan.sha256()).isEqualTo(sha256);
      assertThat(scan.contentType()).isEqualTo("image/png");
      assertThat(scan.uploadedBy()).isEqualTo("legal");
    });
    assertThat(runtime.getVariable(contract.processInstanceId(), ContractSigningProcess.Vars.ORIGINAL_SCAN_SHA256))
        .isEqualTo(sha256);
    ResponseEntity<byte[]> file = http.withBasicAuth("finance", "demo")
        .getForEntity(page + "/file", byte[].class);
    assertThat(file.getStatusCode()).isEqualTo(HttpStatus.OK);
    assertThat(file.getHeaders().getContentType()).isEqualTo(MediaType.IMAGE_PNG);
    assertThat(file.getBody()).isEqualTo(PNG);
    assertThat(http.getForEntity(page + "/file", String.class).getStatusCode().value()).isEqualTo(401);

    rest.complete(contract, "archive-contract-original", Map.of("archiveLocation", "法务部档案柜 B-3，2026-12 号档案盒"));
    assertThat(originals.latest(contractId).orElseThrow().archiveLocation()).isEqualTo("法务部档案柜 B-3，2026-12 号档案盒");
    assertThat(originals.latest(contractId).orElseThrow().archivedBy()).isEqualTo("legal");

    HttpHeaders html = new HttpHeaders();
    html.setAccept(java.util.List.of(MediaType.TEXT_HTML));
    String documents = http.withBasicAuth("legal", "demo").exchange("/staff/contracts/" + contract.number(),
        HttpMethod.GET, new HttpEntity<>(html), String.class).getBody();
    assertThat(documents).contains("盖章原件扫描件", sha256, "法务部档案柜 B-3", page + "/file");
  }

  static HttpEntity<Object> json(Object body) {
    HttpHeaders headers = new HttpHeaders();
    headers.setContentType(MediaType.APPLICATION_JSON);
    return new HttpEntity<>(body, headers);
  }
}
