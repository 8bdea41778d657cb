package com.bpocontractflow.document;

import static com.bpocontractflow.signing.SigningTestData.request;
import static org.assertj.core.api.Assertions.assertThat;

import com.bpocontractflow.signing.SigningRest;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** A contract's documents as a page for staff: the versions, hashes and signatures its JSON has. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "spring.datasource.url=jdbc:h2:mem:document-page-test;DB_CLOSE_DELAY=-1",
    "bpo.mail.sender-enabled=false",
    "camunda.bpm.job-execution.enabled=false"})
class DocumentPageTest {

  @Autowired
  TestRestTemplate http;

  ResponseEntity<String> page(TestRestTemplate client, String number) {
    HttpHeaders headers = new HttpHeaders();
    headers.setAccept(List.of(MediaType.TEXT_HTML));
    return client.exchange("/staff/contracts/" + number, HttpMethod.GET, new HttpEntity<>(headers), String.class);
  }

  @Test
  @SuppressWarnings("unchecked")
  void shouldShowTheSignedVersionItsHashAndBothSignatures() {
    SigningRest rest = new SigningRest(http);
    SigningRest.Started contract = rest.start(request());
    rest.agreeOnContract(contract, "PAPER", "5000.00");
    rest.signOnPaper(contract);
    Map<String, Object> json = http.withBasicAuth("legal", "demo")
        .getForObject("/staff/contracts/" + contract.number() + "/documents", Map.class);
    List<Map<String, Object>> versions = (List<Map<String, Object>>) json.get("versions");
    assertThat(versions).isNotEmpty();

    ResponseEntity<String> page = page(http.withBasicAuth("legal", "demo"), contract.number());

    assertThat(page.getStatusCode().value()).isEqualTo(200);
    assertThat(page.getHeaders().getContentType().isCompatibleWith(MediaType.TEXT_HTML)).isTrue();
    assertThat(page.getBody()).contains(contract.number(), "杭州小象旗舰店", "双方签署的是第",
        "/staff/contracts/" + contract.number() + "/documents/1.pdf", "甲方", "乙方");
    for (Map<String, Object> version : versions) {
      assertThat(page.getBody()).contains((String) version.get("pdfSha256"));
    }
  }

  @Test
  void shouldAskStrangersToLogInAndSayWhenAContractDoesNotExist() {
    ResponseEntity<String> stranger = page(http, "BPO-2026-000001");
    assertThat(stranger.getStatusCode().value()).isEqualTo(401);
    assertThat(stranger.getBody()).contains("请先").doesNotContain("BPO-2026-000001");

    ResponseEntity<String> unknown = page(http.withBasicAuth("legal", "demo"), "BPO-2099-999999");
    assertThat(unknown.getStatusCode().value()).isEqualTo(404);
    assertThat(unknown.getBody()).contains("合同编号 BPO-2099-999999 不存在");
  }
}
