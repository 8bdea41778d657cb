package com.bpocontractflow.mail;

import static com.bpocontractflow.signing.ContractSigningProcess.Tasks.DRAFT_PROPOSAL;
import static com.bpocontractflow.signing.SigningTestData.proposal;
import static com.bpocontractflow.signing.SigningTestData.request;
import static org.assertj.core.api.Assertions.assertThat;

import com.bpocontractflow.signing.SigningRest;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Without {@code bpo.base-url}, the links in e-mails name the port the application actually runs on (here a
 * random one, never the default 8080), and they open the merchant's page.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "spring.datasource.url=jdbc:h2:mem:email-link-address-test;DB_CLOSE_DELAY=-1",
    "bpo.mail.sender-enabled=false",
    "camunda.bpm.job-execution.enabled=false"})
class EmailLinkAddressTest {

  static final Pattern LINK = Pattern.compile("(https?://[^\"\\s<]+)/m/([A-Za-z0-9_-]{43})");

  @LocalServerPort
  int port;
  @Autowired
  TestRestTemplate anonymous;
  @Autowired
  MailOutbox outbox;

  @Test
  void shouldLinkToThePortTheApplicationRunsOn() {
    SigningRest rest = new SigningRest(anonymous);
    SigningRest.Started contract = rest.start(request());
    rest.complete(contract, DRAFT_PROPOSAL, proposal("3000.00"));

    OutboxMail mail = proposalMail(outbox, contract);
    Matcher html = LINK.matcher(mail.bodyHtml());
    Matcher text = LINK.matcher(mail.bodyText());
    assertThat(html.find()).as("link in the HTML part").isTrue();
    assertThat(text.find()).as("link in the text part").isTrue();
    assertThat(html.group(1)).isEqualTo("http://localhost:" + port);
    assertThat(text.group(1)).isEqualTo("http://localhost:" + port);
    // the link as written opens the proposal page
    assertThat(anonymous.getRestTemplate().getForEntity(html.group(), String.class).getBody())
        .contains(contract.number());
  }

  static OutboxMail proposalMail(MailOutbox outbox, SigningRest.Started contract) {
    return outbox.findByContract(contract.number()).stream()
        .filter(m -> m.template().equals(MerchantMail.PROPOSAL.name())).findFirst().orElseThrow();
  }
}
