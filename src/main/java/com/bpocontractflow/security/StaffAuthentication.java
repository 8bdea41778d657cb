package com.bpocontractflow.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpSession;
import java.util.Optional;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.webapp.impl.security.auth.Authentication;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.springframework.stereotype.Component;

/**
 * Who is calling a staff page: the user logged in to the Camunda web apps in this browser session, or
 * the user of valid HTTP Basic credentials. Nobody else gets in.
 */
@Component
public class StaffAuthentication {

  private static final String ENGINE = "default";
  private static final String CHECKED = StaffAuthentication.class.getName() + ".user";

  private final IdentityService identityService;

  public StaffAuthentication(IdentityService identityService) {
    this.identityService = identityService;
  }

  /**
   * The user, checked once per request: the staff-pages filter and the page itself both ask, and a wrong
   * password must count once towards the engine's login delay.
   */
  @SuppressWarnings("unchecked")
  public Optional<String> currentUser(HttpServletRequest request) {
    if (request.getAttribute(CHECKED) instanceof Optional<?> known) {
      return (Optional<String>) known;
    }
    Optional<String> sessionUser = sessionUser(request);
    Optional<String> user = sessionUser.isPresent() ? sessionUser : basicUser(request.getHeader("Authorization"));
    request.setAttribute(CHECKED, user);
    return user;
  }

  /** The user logged in to the Camunda web apps in this browser session, if any. */
  public Optional<String> sessionUser(HttpServletRequest request) {
    HttpSession session = request.getSession(false);
    if (session != null) {
      Authentications authentications = AuthenticationUtil.getAuthsFromSession(session);
      Authentication authentication = authentications == null ? null
          : authentications.getAuthenticationForProcessEngine(ENGINE);
      if (authentication != null && authentication.getName() != null) {
        return Optional.of(authentication.getName());
      }
    }
    return Optional.empty();
  }

  /** Whether the user is in one of these groups. */
  public boolean isMember(String userId, String... groupIds) {
    return identityService.createGroupQuery().groupMember(userId).groupIdIn(groupIds).count() > 0;
  }

  private Optional<String> basicUser(String header) {
    return BasicCredentials.of(header)
        .filter(credentials -> identityService.checkPassword(credentials.user(), credentials.password()))
        .map(BasicCredentials::user);
  }

}
