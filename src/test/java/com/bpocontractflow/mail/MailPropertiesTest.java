package com.bpocontractflow.mail;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.boot.context.properties.bind.BindException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.MapConfigurationPropertySource;

/** {@code bpo.mail.*}: defaults, and a lease too short for the SMTP wait refused at start. */
class MailPropertiesTest {

  static MailProperties bind(Map<String, String> values) {
    return new Binder(new MapConfigurationPropertySource(values)).bindOrCreate("bpo.mail", MailProperties.class);
  }

  @Test
  void shouldSendWithTwoSendersAndWaitTenMinutesForTheAnswerToTheDataUnderAFifteenMinuteLease() {
    MailProperties defaults = bind(Map.of());
    assertThat(defaults.senders()).isEqualTo(2);
    assertThat(defaults.dataTimeout()).isEqualTo(Duration.ofMinutes(10));
    assertThat(defaults.lease()).isEqualTo(Duration.ofMinutes(15));
    assertThat(defaults.batchSize()).isEqualTo(20);
  }

  @Test
  void shouldRefuseALeaseNoLongerThanTheSmtpWait() {
    assertThatThrownBy(() -> bind(Map.of("bpo.mail.lease", "PT10M")))
        .isInstanceOf(BindException.class)
        .rootCause().hasMessageContaining("bpo.mail.lease (PT10M) must be longer than bpo.mail.data-timeout (PT10M)");
    assertThatThrownBy(() -> bind(Map.of("bpo.mail.senders", "0"))).isInstanceOf(BindException.class);
  }
}
