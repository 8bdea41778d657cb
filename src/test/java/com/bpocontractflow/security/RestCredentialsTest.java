package com.bpocontractflow.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.any;
import static org.mockito.Mockito.RETURNS_DEEP_STUBS;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.time.Duration;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.transaction.PlatformTransactionManager;
import org.springframework.transaction.support.TransactionTemplate;

/** What RestCredentials remembers, and what it never does (RestCredentialsHttpTest: over HTTP). */
class RestCredentialsTest {

  IdentityService identity = mock(IdentityService.class, RETURNS_DEEP_STUBS);
  PlatformTransactionManager transactions = mock(PlatformTransactionManager.class);
  TransactionTemplate transaction = new TransactionTemplate(transactions);

  @BeforeEach
  void salesWithItsPassword() {
    when(identity.checkPassword("sales", "right")).thenReturn(true);
    when(identity.checkPassword("sales", "wrong")).thenReturn(false);
    Group group = mock(Group.class);
    when(group.getId()).thenReturn("sales");
    when(identity.createGroupQuery().groupMember("sales").list()).thenReturn(List.of(group));
    when(identity.createTenantQuery().userMember("sales").includingGroupsOfUser(true).list()).thenReturn(List.of());
  }

  @Test
  void shouldCheckACredentialWithItsGroupsInOneTransactionAndRememberIt() {
    RestCredentials credentials = new RestCredentials(Duration.ofMinutes(1), transaction);

    RestCredentials.Verified first = credentials.check("k", "sales", "right", identity);
    RestCredentials.Verified second = credentials.check("k", "sales", "right", identity);

    assertThat(first.groups()).containsExactly("sales");
    assertThat(first.tenants()).isEmpty();
    assertThat(second).isSameAs(first);
    verify(identity, times(1)).checkPassword("sales", "right");
    verify(transactions, times(1)).getTransaction(any());
  }

  @Test
  void shouldNeverRememberAWrongPassword() {
    RestCredentials credentials = new RestCredentials(Duration.ofMinutes(1), transaction);

    assertThat(credentials.check("w", "sales", "wrong", identity)).isNull();
    assertThat(credentials.check("w", "sales", "wrong", identity)).isNull();

    verify(identity, times(2)).checkPassword("sales", "wrong");
  }

  @Test
  void shouldCheckAgainAfterForgettingOrWhenNothingIsToBeRemembered() {
    RestCredentials credentials = new RestCredentials(Duration.ofMinutes(1), transaction);
    credentials.check("k", "sales", "right", identity);
    credentials.forgetAll();
    credentials.check("k", "sales", "right", identity);
    verify(identity, times(2)).checkPassword("sales", "right");

    RestCredentials never = new RestCredentials(Duration.ZERO, transaction);
    never.check("k", "sales", "right", identity);
    never.check("k", "sales", "right", identity);
    verify(identity, times(4)).checkPassword("sales", "right");
  }
}
