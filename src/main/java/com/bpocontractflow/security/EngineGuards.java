package com.bpocontractflow.security;

import com.bpocontractflow.validation.InputRules;
import com.bpocontractflow.validation.InvalidInputException;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.camunda.bpm.engine.AuthorizationException;
import org.camunda.bpm.engine.impl.MessageCorrelationBuilderImpl;
import org.camunda.bpm.engine.impl.ProcessInstantiationBuilderImpl;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.cmd.AbstractCorrelateMessageCmd;
import org.camunda.bpm.engine.impl.cmd.CompleteTaskCmd;
import org.camunda.bpm.engine.impl.cmd.CorrelateAllMessageCmd;
import org.camunda.bpm.engine.impl.cmd.DeployCmd;
import org.camunda.bpm.engine.impl.cmd.StartProcessInstanceCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitStartFormCmd;
import org.camunda.bpm.engine.impl.cmd.SubmitTaskFormCmd;
import org.camunda.bpm.engine.impl.context.Context;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.interceptor.Command;
import org.camunda.bpm.engine.impl.interceptor.CommandContext;
import org.camunda.bpm.engine.impl.interceptor.CommandInterceptor;
import org.camunda.bpm.engine.impl.persistence.entity.ProcessDefinitionEntity;
import org.camunda.bpm.engine.impl.persistence.entity.TaskEntity;
import org.camunda.bpm.engine.impl.task.TaskDefinition;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Rules the engine enforces on every command, whoever calls it (Tasklist, the REST API, Java):
 * <ul>
 * <li>A person completing a task sets only the variables of that task's form, and the form's read-only
 * fields only unchanged; a person starting a process sets only the fields of its start form. So nobody
 * can slip {@code contractId}, {@code goLiveApproved} or {@code depositPaidInFull} into a completion.</li>
 * <li>The public messages ({@code DepositReceived}, {@code MerchantSigned}, {@code SigningWithdrawn},
 * {@code TerminationNoticeReceived}: each feature declares its own in its {@link ProcessAccess})
 * are correlated to exactly one contract: by business key or process instance, never to "all".</li>
 * <li>Outside the demo profile nobody deploys through the engine's API: a deployed model runs expressions
 * on the server, so models are deployed by the application from its own files (see docs/operations.md).</li>
 * </ul>
 * The first rule applies to people (an authenticated user with authorization checks on); the application's
 * own steps ({@link ApplicationActions}) and the engine's jobs set what their code sets.
 */
@Component
public class EngineGuards extends AbstractProcessEnginePlugin {

  private final boolean demo;
  private final ObjectProvider<ProcessAccess> processes;

  public EngineGuards(@Value("${bpo.demo.enabled:false}") boolean demo, ObjectProvider<ProcessAccess> processes) {
    this.demo = demo;
    this.processes = processes;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<CommandInterceptor> interceptors = configuration.getCustomPostCommandInterceptorsTxRequired();
    List<CommandInterceptor> all = interceptors == null ? new ArrayList<>() : new ArrayList<>(interceptors);
    Set<String> singleContractMessages = processes.orderedStream()
        .flatMap(process -> process.singleContractMessages().stream()).collect(Collectors.toUnmodifiableSet());
    all.add(new Guard(demo, singleContractMessages));
    configuration.setCustomPostCommandInterceptorsTxRequired(all);
  }

  static final class Guard extends CommandInterceptor {
    private final boolean demo;
    private final Set<String> singleContractMessages;

    Guard(boolean demo, Set<String> singleContractMessages) {
      this.demo = demo;
      this.singleContractMessages = singleContractMessages;
    }

    @Override
    public <T> T execute(Command<T> command) {
      CommandContext context = Context.getCommandContext();
      if (command instanceof AbstractCorrelateMessageCmd) {
        checkCorrelation(command);
      } else if (command instanceof DeployCmd && !demo && context.getAuthentication() != null) {
        throw new AuthorizationException("只有系统本身可以部署流程模型（模型随应用发布）；请按运维文档发布新版本");
      } else if (byPerson(context)) {
        if (command instanceof CompleteTaskCmd) {
          checkTaskVariables(context, field(command, CompleteTaskCmd.class, "taskId"),
              field(command, CompleteTaskCmd.class, "variables"));
        } else if (command instanceof SubmitTaskFormCmd) {
          checkTaskVariables(context, field(command, SubmitTaskFormCmd.class, "taskId"),
              field(command, SubmitTaskFormCmd.class, "properties"));
        } else if (command instanceof StartProcessInstanceCmd) {
          ProcessInstantiationBuilderImpl builder = field(command, StartProcessInstanceCmd.class, "instantiationBuilder");
          String key = builder.getProcessDefinitionKey() != null ? builder.getProcessDefinitionKey()
              : definitionKey(context, builder.getProcessDefinitionId());
          checkStartVariables(key, builder.getVariables());
        } else if (command instanceof SubmitStartFormCmd) {
          checkStartVariables(definitionKey(context, field(command, SubmitStartFormCmd.class, "processDefinitionId")),
              field(command, SubmitStartFormCmd.class, "variables"));
        }
      }
      return next.execute(command);
    }

    /** A person, not the application or a job: someone is authenticated and the engine checks their rights. */
    private static boolean byPerson(CommandContext context) {
      Authentication user = context.getAuthentication();
      return user != null && context.isAuthorizationCheckEnabled();
    }

    private void checkCorrelation(Command<?> command) {
      MessageCorrelationBuilderImpl builder = field(command, AbstractCorrelateMessageCmd.class, "builder");
      if (!singleContractMessages.contains(builder.getMessageName())) {
        return;
      }
      if (command instanceof CorrelateAllMessageCmd
          || (isBlank(builder.getBusinessKey()) && isBlank(builder.getProcessInstanceId()))) {
        throw new InvalidInputException("消息「" + builder.getMessageName() + "」必须指明一份合同（合同编号），"
            + "不能同时发给多份合同");
      }
    }

    private static void checkTaskVariables(CommandContext context, String taskId, Map<String, Object> variables) {
      if (taskId == null || variables == null || variables.isEmpty()) {
        return;
      }
      TaskEntity task = context.getTaskManager().findTaskById(taskId);
      if (task == null) {
        return; // the command itself answers "not found"
      }
      TaskDefinition definition = task.getTaskDefinition();
      String formId = definition == null || definition.getCamundaFormDefinitionKey() == null ? null
          : definition.getCamundaFormDefinitionKey().getExpressionText();
      FormFields.Form form = FormFields.get().form(formId).orElse(null);
      List<String> problems = new ArrayList<>();
      for (Map.Entry<String, Object> entry : variables.entrySet()) {
        String name = entry.getKey();
        if (form == null || !form.has(name)) {
          problems.add("「" + name + "」不是此任务表单中的字段，不能提交");
        } else if (form.readOnly().contains(name) && !sameValue(entry.getValue(), task.getVariable(name))) {
          problems.add("「" + name + "」在此任务中只能查看，不能修改");
        }
      }
      if (!problems.isEmpty()) {
        throw new InvalidInputException(problems);
      }
    }

    private static void checkStartVariables(String processKey, Map<String, Object> variables) {
      if (processKey == null || variables == null || variables.isEmpty()) {
        return;
      }
      FormFields.Form form = FormFields.get().startForm(processKey).orElse(null);
      List<String> problems = new ArrayList<>();
      for (String name : variables.keySet()) {
        if (form == null || !form.editable().contains(name)) {
          problems.add("「" + name + "」不是发起表单中的字段，不能提交");
        }
      }
      if (!problems.isEmpty()) {
        throw new InvalidInputException(problems);
      }
    }

    private static String definitionKey(CommandContext context, String definitionId) {
      if (definitionId == null) {
        return null;
      }
      ProcessDefinitionEntity definition = context.getProcessEngineConfiguration().getDeploymentCache()
          .findDeployedProcessDefinitionById(definitionId);
      return definition == null ? null : definition.getKey();
    }

    /** Equal as a form would show them: numbers by value, everything else by its text. */
    static boolean sameValue(Object submitted, Object current) {
      if (submitted == null || current == null) {
        return submitted == null && current == null;
      }
      if (!(submitted instanceof Boolean) && !(current instanceof Boolean)) {
        var a = InputRules.toDecimal(submitted);
        var b = InputRules.toDecimal(current);
        if (a != null && b != null) {
          return a.compareTo(b) == 0;
        }
      }
      return Objects.equals(String.valueOf(submitted), String.valueOf(current));
    }

    private static boolean isBlank(String value) {
      return value == null || value.isBlank();
    }

    /** The engine's commands keep their arguments in protected fields; 7.24 is pinned by the BOM. */
    private static final Map<String, Field> FIELDS = new ConcurrentHashMap<>();

    /** A command's argument; each field is looked up and opened once, not on every command. */
    @SuppressWarnings("unchecked")
    private static <V> V field(Object command, Class<?> declaring, String name) {
      Field field = FIELDS.computeIfAbsent(declaring.getName() + "#" + name, key -> {
        try {
          Field found = declaring.getDeclaredField(name);
          found.setAccessible(true);
          return found;
        } catch (NoSuchFieldException e) {
          throw new IllegalStateException("Camunda " + declaring.getSimpleName() + " has no field " + name, e);
        }
      });
      try {
        return (V) field.get(command);
      } catch (IllegalAccessException e) {
        throw new IllegalStateException("Camunda " + declaring.getSimpleName() + "." + name + " is not readable", e);
      }
    }
  }
}
