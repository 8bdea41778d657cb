package com.bpocontractflow.security;

import static org.assertj.core.api.Assertions.assertThat;
import static org.mockito.ArgumentMatchers.anyString;
import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.times;
import static org.mockito.Mockito.verify;
import static org.mockito.Mockito.when;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.camunda.bpm.engine.IdentityService;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;

/** A staff page's credentials are checked once per request, so a wrong password counts once. */
class StaffAuthenticationTest {

  @Test
  void shouldCheckTheCredentialsOfARequestOnlyOnce() {
    IdentityService identity = mock(IdentityService.class);
    when(identity.checkPassword(anyString(), anyString())).thenReturn(false);
    StaffAuthentication staff = new StaffAuthentication(identity);
    MockHttpServletRequest request = new MockHttpServletRequest("GET", "/staff/outbox");
    request.addHeader("Authorization", "Basic " + Base64.getEncoder().encodeToString(
        "finance:wrong".getBytes(StandardCharsets.UTF_8)));

    assertThat(staff.currentUser(request)).isEmpty();
    assertThat(staff.currentUser(request)).isEmpty();
    verify(identity, times(1)).checkPassword("finance", "wrong");
  }
}
