package com.bpocontractflow.security;

import java.util.List;
import java.util.function.Supplier;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.ProcessEngine;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.CommandExecutor;
import org.springframework.stereotype.Component;

/**
 * Lets the application itself act on the engine for someone who has no engine rights: a merchant answering
 * through a signed link, or a system calling an integration endpoint. The application has checked the
 * caller (link, API key) and the input; the engine then runs the steps with its authorization checks off,
 * recording {@code actor} as the user (task history, operation log). No group of the engine holds the
 * rights these steps need, so nobody can take the same steps through the engine's REST API.
 */
@Component
public class ApplicationActions {

  private static final ThreadLocal<Boolean> ACTING = ThreadLocal.withInitial(() -> false);

  private final IdentityService identityService;
  private final CommandExecutor commandExecutor;

  public ApplicationActions(ProcessEngine engine) {
    this.identityService = engine.getIdentityService();
    this.commandExecutor = ((ProcessEngineConfigurationImpl) engine.getProcessEngineConfiguration())
        .getCommandExecutorTxRequired();
  }

  /** Runs {@code action} as {@code actor}, in one engine transaction (joining the caller's, if any). */
  public <T> T as(String actor, Supplier<T> action) {
    Authentication previous = identityService.getCurrentAuthentication();
    boolean nested = ACTING.get();
    identityService.setAuthentication(actor, List.of());
    ACTING.set(true);
    try {
      return commandExecutor.execute(context -> context.runWithoutAuthorization(action::get));
    } finally {
      ACTING.set(nested);
      if (previous == null) {
        identityService.clearAuthentication();
      } else {
        identityService.setAuthentication(previous);
      }
    }
  }

  /** Whether the current thread is taking a step for the application (inside {@link #as}). */
  public static boolean acting() {
    return ACTING.get();
  }

  public void run(String actor, Runnable action) {
    as(actor, () -> {
      action.run();
      return null;
    });
  }
}
