package com.bpocontractflow.validation;

import java.util.ArrayList;
import java.util.List;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.springframework.stereotype.Component;

/**
 * The engine wraps an exception thrown by a listener into its own ("There was an exception while invoking
 * the TaskListener ..."). This interceptor sits outside the transaction and rethrows our
 * {@link InvalidInputException} as it was: the caller gets the zh-CN message, the REST API answers 400,
 * and the rolled-back command changed nothing.
 */
@Component
public class InvalidInputPlugin extends AbstractProcessEnginePlugin {

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<CommandInterceptor> interceptors = configuration.getCustomPreCommandInterceptorsTxRequired();
    List<CommandInterceptor> all = interceptors == null ? new ArrayList<>() : new ArrayList<>(interceptors);
    all.add(0, new UnwrappingInterceptor());
    configuration.setCustomPreCommandInterceptorsTxRequired(all);
  }

  /** The InvalidInputException in a cause chain, or null. */
  public static InvalidInputException find(Throwable error) {
    for (Throwable t = error; t != null && t.getCause() != t; t = t.getCause()) {
      if (t instanceof InvalidInputException invalid) {
        return invalid;
      }
    }
    return null;
  }

  static class UnwrappingInterceptor extends CommandInterceptor {
    @Override
    public <T> T execute(Command<T> command) {
      try {
        return next.execute(command);
      } catch (RuntimeException e) {
        InvalidInputException invalid = find(e);
        throw invalid != null ? invalid : e;
      }
    }
  }
}
