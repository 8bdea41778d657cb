package com.bpocontractflow.signing;

import java.util.List;
import org.camunda.bpm.engine.delegate.TaskListener;
import org.camunda.bpm.engine.impl.bpmn.behavior.UserTaskActivityBehavior;
import org.camunda.bpm.engine.impl.task.listener.DelegateExpressionTaskListener;
import org.camunda.bpm.engine.impl.bpmn.parser.AbstractBpmnParseListener;
import org.camunda.bpm.engine.impl.bpmn.parser.BpmnParseListener;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.pvm.process.ActivityImpl;
import org.camunda.bpm.engine.impl.pvm.process.ScopeImpl;
import org.camunda.bpm.engine.impl.task.TaskDefinition;
import org.camunda.bpm.engine.impl.util.xml.Element;
import org.springframework.stereotype.Component;

/**
 * Attaches the {@code userTaskListener} bean to the create and complete events of every user task, so
 * that server-side validation cannot be forgotten on a task and the models stay free of repeated
 * listener declarations.
 */
@Component
public class UserTaskListenerPlugin extends AbstractProcessEnginePlugin {

  static final String LISTENER_EXPRESSION = "${userTaskListener}";

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    List<BpmnParseListener> listeners = configuration.getCustomPostBPMNParseListeners();
    if (listeners == null) {
      listeners = new java.util.ArrayList<>();
      configuration.setCustomPostBPMNParseListeners(listeners);
    }
    listeners.add(new AbstractBpmnParseListener() {
      @Override
      public void parseUserTask(Element userTaskElement, ScopeImpl scope, ActivityImpl activity) {
        TaskDefinition definition = ((UserTaskActivityBehavior) activity.getActivityBehavior()).getTaskDefinition();
        TaskListener listener = new DelegateExpressionTaskListener(
            configuration.getExpressionManager().createExpression(LISTENER_EXPRESSION), List.of());
        definition.addTaskListener(TaskListener.EVENTNAME_CREATE, listener);
        definition.addTaskListener(TaskListener.EVENTNAME_COMPLETE, listener);
      }
    });
  }
}
