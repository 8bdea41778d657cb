package com.bpocontractflow.security;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Date;
import java.util.UUID;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.User;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.ResponseEntity;

/**
 * Brute force: failed logins are throttled per client address, and an account is never locked for good
 * by failures an outsider can cause.
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT, properties = {
    "spring.datasource.url=jdbc:h2:mem:login-throttle-test;DB_CLOSE_DELAY=-1",
    "bpo.mail.sender-enabled=false",
    "camunda.bpm.job-execution.enabled=false",
    "bpo.security.login-throttle.max-failures=3",
    // the test's requests name their client address as a proxy would
    "server.forward-headers-strategy=native"})
class LoginThrottleTest {

  @Autowired
  TestRestTemplate anonymous;
  @Autowired
  IdentityService identityService;

  ResponseEntity<String> asClient(String address, String user, String password) {
    HttpHeaders headers = new HttpHeaders();
    headers.set("X-Forwarded-For", address);
    headers.setBasicAuth(user, password);
    return anonymous.exchange("/engine-rest/task/count", HttpMethod.GET, new HttpEntity<>(headers), String.class);
  }

  @Test
  void shouldAnswer429ToAnAddressAfterItsFailedLoginsButNotToOthers() {
    String attacker = "203.0.113." + (10 + (int) (Math.random() * 200));
    // the failures also delay the account's next login (the engine's login delay): a user of this test only
    String victim = newUser("the-right-password");
    for (int i = 0; i < 3; i++) {
      assertThat(asClient(attacker, victim, "guess-" + i).getStatusCode().value()).isEqualTo(401);
    }
    ResponseEntity<String> blocked = asClient(attacker, victim, "the-right-password");
    assertThat(blocked.getStatusCode().value()).isEqualTo(429);
    assertThat(blocked.getHeaders().getFirst("Retry-After")).isNotNull();
    assertThat(blocked.getBody()).contains("登录失败次数过多");
    // the integration endpoints count too
    HttpHeaders key = new HttpHeaders();
    key.set("X-Forwarded-For", attacker);
    key.setBearerAuth("guessed-key-guessed-key");
    assertThat(anonymous.exchange("/api/integrations/deposits", HttpMethod.POST, new HttpEntity<>("{}", key),
        String.class).getStatusCode().value()).isEqualTo(429);
    // another address is not affected
    assertThat(asClient("198.51.100.7", "finance", "demo").getStatusCode().value()).isEqualTo(200);
  }

  @Test
  void shouldCountFailuresPerAddressWithinTheWindowOnly() {
    MutableClock clock = new MutableClock();
    LoginThrottle.Failures failures = new LoginThrottle.Failures(2, Duration.ofMinutes(10), clock);
    failures.failed("a");
    assertThat(failures.blockedForSeconds("a")).isZero();
    failures.failed("a");
    assertThat(failures.blockedForSeconds("a")).isEqualTo(600);
    assertThat(failures.blockedForSeconds("b")).isZero();
    clock.now = clock.now.plusSeconds(599);
    assertThat(failures.blockedForSeconds("a")).isEqualTo(1);
    clock.now = clock.now.plusSeconds(1);
    assertThat(failures.blockedForSeconds("a")).isZero();
    failures.failed("a");
    assertThat(failures.blockedForSeconds("a")).as("a new window starts").isZero();
  }

  /** A user of one test, with the password: failed logins of a test must not delay another test's logins. */
  String newUser(String password) {
    String id = "locked" + UUID.randomUUID().toString().substring(0, 8);
    User user = identityService.newUser(id);
    user.setPassword(password);
    identityService.saveUser(user);
    return id;
  }

  @Test
  void shouldNeverLockAnAccountForGood() {
    String id = newUser("the-right-password");
    try {
      Instant start = Instant.now();
      ClockUtil.setCurrentTime(Date.from(start));
      // more failures than the engine's default limit (10), after which it would lock the account for good
      for (int i = 0; i < 15; i++) {
        ClockUtil.setCurrentTime(Date.from(start.plusSeconds(61L * i)));
        assertThat(identityService.checkPassword(id, "wrong-" + i)).isFalse();
      }
      // during the delay after the last failure even the right password is refused ...
      assertThat(identityService.checkPassword(id, "the-right-password")).isFalse();
      // ... and once the delay (at most a minute) has passed, it works
      ClockUtil.setCurrentTime(Date.from(start.plusSeconds(61L * 15)));
      assertThat(identityService.checkPassword(id, "the-right-password")).isTrue();
    } finally {
      ClockUtil.reset();
    }
  }

  static final class MutableClock extends Clock {
    Instant now = Instant.parse("2026-11-30T02:00:00Z");

    @Override
    public ZoneOffset getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(java.time.ZoneId zone) {
      return this;
    }

    @Override
    public Instant instant() {
      return now;
    }
  }
}
