package com.bpocontractflow.mail;

import static com.bpocontractflow.signing.ContractSigningProcess.Tasks.DRAFT_PROPOSAL;
import static com.bpocontractflow.signing.SigningTestData.proposal;
import static com.bpocontractflow.signing.SigningTestData.request;
import static org.assertj.core.api.Assertions.assertThat;

import com.bpocontractflow.signing.SigningRest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;

/** A configured {@code bpo.base-url} (BPO_BASE_URL) wins over the port the application runs on. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "spring.datasource.url=jdbc:h2:mem:email-link-configured-address-test;DB_CLOSE_DELAY=-1",
    "bpo.base-url=https://contracts.example.com/",
    "bpo.mail.sender-enabled=false",
    "camunda.bpm.job-execution.enabled=false"})
class EmailLinkConfiguredAddressTest {

  @LocalServerPort
  int port;
  @Autowired
  TestRestTemplate anonymous;
  @Autowired
  MailOutbox outbox;

  @Test
  void shouldLinkToTheConfiguredAddress() {
    SigningRest rest = new SigningRest(anonymous);
    SigningRest.Started contract = rest.start(request());
    rest.complete(contract, DRAFT_PROPOSAL, proposal("3000.00"));

    OutboxMail mail = EmailLinkAddressTest.proposalMail(outbox, contract);
    for (String body : new String[] {mail.bodyHtml(), mail.bodyText()}) {
      java.util.regex.Matcher link = EmailLinkAddressTest.LINK.matcher(body);
      assertThat(link.find()).isTrue();
      assertThat(link.group(1)).isEqualTo("https://contracts.example.com");
      assertThat(body).doesNotContain("localhost");
    }
  }
}
