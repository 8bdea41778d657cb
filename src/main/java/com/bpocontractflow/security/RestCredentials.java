package com.bpocontractflow.security;

import com.bpocontractflow.common.Sha256;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.identity.Group;
import org.camunda.bpm.engine.identity.Tenant;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationProvider;
import org.camunda.bpm.engine.rest.security.auth.AuthenticationResult;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * HTTP Basic authentication of the engine's REST API without three transactions per request. The engine's
 * own filter checks the password, then reads the user's groups, then its tenants, each in a transaction of
 * its own, on every call. Here a credential is checked with its groups and tenants in one transaction, and a
 * verified one is remembered for {@code bpo.security.rest-credential-cache} (default 5 seconds, 0 = never):
 * <ul>
 *   <li>only the SHA-256 of user and password is kept, never the password;</li>
 *   <li>a wrong password is never remembered: each one reaches the engine and counts towards its login delay,
 *   and LoginThrottle still counts the 401s per client address;</li>
 *   <li>any change of users, groups, memberships or tenants on this node forgets every remembered
 *   credential at once (a password change, a removed membership, an unlocked user); on other nodes of a
 *   cluster a changed password or membership holds for at most the cache's duration.</li>
 * </ul>
 */
@Component
public class RestCredentials extends AbstractProcessEnginePlugin implements AuthenticationProvider {

  private static final int MAX_ENTRIES = 10_000;
  /** The engine's commands that change who may log in or what a user belongs to. */
  private static final Set<String> IDENTITY_CHANGES = Set.of(
      "SaveUserCmd", "DeleteUserCmd", "UnlockUserCmd", "SaveGroupCmd", "DeleteGroupCmd", "CreateMembershipCmd",
      "DeleteMembershipCmd", "SaveTenantCmd", "DeleteTenantCmd", "CreateTenantUserMembershipCmd",
      "DeleteTenantUserMembershipCmd", "CreateTenantGroupMembershipCmd", "DeleteTenantGroupMembershipCmd");

  private final Map<String, Verified> verified = new ConcurrentHashMap<>();
  private final long maxAgeNanos;
  private final TransactionTemplate transaction;

  public RestCredentials(@Value("${bpo.security.rest-credential-cache:PT5S}") Duration maxAge,
      TransactionTemplate transaction) {
    this.maxAgeNanos = maxAge.toNanos();
    this.transaction = transaction;
  }

  /** A credential checked at {@code at} (System.nanoTime()), with the user's groups and tenants then. */
  record Verified(String user, List<String> groups, List<String> tenants, long at) {
  }

  @Override
  public AuthenticationResult extractAuthenticatedUser(HttpServletRequest request, ProcessEngine engine) {
    Optional<BasicCredentials> credentials = BasicCredentials.of(request.getHeader("Authorization"));
    if (credentials.isEmpty()) {
      return AuthenticationResult.unsuccessful();
    }
    String user = credentials.get().user();
    String password = credentials.get().password();
    Verified known = check(engine.getName() + "\n" + Sha256.hex(user + ":" + password), user, password,
        engine.getIdentityService());
    if (known == null) {
      return AuthenticationResult.unsuccessful(user);
    }
    AuthenticationResult result = AuthenticationResult.successful(user);
    result.setGroups(known.groups());
    result.setTenants(known.tenants());
    return result;
  }

  /** The remembered or newly checked credential; null when the password is wrong. */
  Verified check(String key, String user, String password, IdentityService identity) {
    long now = System.nanoTime();
    Verified known = verified.get(key);
    if (known != null && now - known.at() < maxAgeNanos) {
      return known;
    }
    Verified checked = transaction.execute(status -> {
      if (!identity.checkPassword(user, password)) {
        return null;
      }
      List<String> groups = new ArrayList<>(identity.createGroupQuery().groupMember(user).list().stream()
          .map(Group::getId).toList());
      List<String> tenants = new ArrayList<>(identity.createTenantQuery().userMember(user).includingGroupsOfUser(true)
          .list().stream().map(Tenant::getId).toList());
      return new Verified(user, List.copyOf(groups), List.copyOf(tenants), now);
    });
    if (checked == null) {
      verified.remove(key);
    } else if (maxAgeNanos > 0) {
      if (verified.size() >= MAX_ENTRIES) {
        verified.clear();
      }
      verified.put(key, checked);
    }
    return checked;
  }

  /** Forgets every remembered credential. */
  public void forgetAll() {
    verified.clear();
  }

  @Override
  public void augmentResponseByAuthenticationChallenge(HttpServletResponse response, ProcessEngine engine) {
    response.setHeader("WWW-Authenticate", "Basic realm=\"" + engine.getName() + "\"");
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<CommandInterceptor> interceptors = configuration.getCustomPostCommandInterceptorsTxRequired();
    List<CommandInterceptor> all = interceptors == null ? new ArrayList<>() : new ArrayList<>(interceptors);
    all.add(new CommandInterceptor() {
      @Override
      public <T> T execute(Command<T> command) {
        T result = next.execute(command);
        if (IDENTITY_CHANGES.contains(command.getClass().getSimpleName())) {
          forgetAll();
        }
        return result;
      }
    });
    configuration.setCustomPostCommandInterceptorsTxRequired(all);
  }
}
