package com.bpocontractflow.calendar;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParse;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;

/**
 * The operator's due dates of user tasks, {@code bpo.task-due.<task id>=P<n>D} (n working days, see
 * {@link WorkingDayTimers}), in place of the model's default. Only a task whose model gives a due date in
 * whole days can be changed this way; a due date the contract sets (review-trial, negotiate-renewal,
 * return-or-delete-data, negotiate-dispute) stays as the model computes it. A value in another form stops
 * the application at startup.
 */
@Component
public class TaskDueDates extends AbstractProcessEnginePlugin {

  static final String PREFIX = "bpo.task-due";
  private static final Pattern WHOLE_DAYS = Pattern.compile("P\\d{1,3}D");

  private final Map<String, String> overrides;

  @org.springframework.beans.factory.annotation.Autowired
  public TaskDueDates(Environment environment) {
    this(Binder.get(environment).bind(PREFIX, Bindable.mapOf(String.class, String.class)).orElse(Map.of()));
  }

  TaskDueDates(Map<String, String> overrides) {
    overrides.forEach((task, due) -> {
      if (due == null || !WHOLE_DAYS.matcher(due.trim()).matches()) {
        throw new IllegalStateException(PREFIX + "." + task + "=" + due
            + ": a due date is a number of working days, written P<n>D (e.g. P3D)");
      }
    });
    this.overrides = Map.copyOf(overrides);
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    if (overrides.isEmpty()) {
      return;
    }
    List<BpmnParseListener> listeners = configuration.getCustomPostBPMNParseListeners();
    if (listeners == null) {
      listeners = new ArrayList<>();
      configuration.setCustomPostBPMNParseListeners(listeners);
    }
    listeners.add(new AbstractBpmnParseListener() {
      @Override
      public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
        String due = overrides.get(activity.getId());
        String modelDue = userTaskElement.attributeNS(BpmnParse.CAMUNDA_BPMN_EXTENSIONS_NS, "dueDate");
        if (due != null && modelDue != null && WHOLE_DAYS.matcher(modelDue.trim()).matches()) {
          ((UserTaskActivityBehavior) activity.getActivityBehavior()).getTaskDefinition()
              .setDueDateExpression(configuration.getExpressionManager().createExpression(due.trim()));
        }
      }
    });
  }
}
