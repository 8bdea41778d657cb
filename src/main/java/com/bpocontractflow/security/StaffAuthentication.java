package com.bpocontractflow.security;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.webapp.impl.security.auth.Authentication;
import org.camunda.bpm.webapp.impl.security.auth.AuthenticationUtil;
import org.camunda.bpm.webapp.impl.security.auth.Authentications;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
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

  /** The groups the user is in. */
  public Set<String> groupsOf(String userId) {
    return identityService.createGroupQuery().groupMember(userId).list().stream().map(Group::getId)
        .collect(Collectors.toSet());
  }

  /** The answer of a staff JSON endpoint to a caller who is not logged in: 401, asking for credentials. */
  @SuppressWarnings("unchecked")
  public static <T> ResponseEntity<T> loginRequired() {
    return (ResponseEntity<T>) ResponseEntity.status(HttpStatus.UNAUTHORIZED)
        .header("WWW-Authenticate", "Basic realm=\"BPO Contract Flow\", charset=\"UTF-8\"")
        .body(Map.of("message", "请先登录"));
  }

  /** The answer of a staff page to a caller who is not logged in: 401 and the page saying how to log in. */
  public static String loginRequiredPage(HttpServletResponse response) {
    response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
    response.setHeader("WWW-Authenticate", "Basic realm=\"BPO Contract Flow staff\", charset=\"UTF-8\"");
    return "staff/login-required";
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
