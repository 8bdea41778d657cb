package com.bpocontractflow.signing;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.util.HashSet;
import java.util.Set;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.bpm.model.bpmn.instance.UserTask;
import org.camunda.bpm.model.bpmn.instance.StartEvent;
import com.bpocontractflow.term.ServiceInputRules;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Server-side validation cannot be forgotten: every form field a person can edit has a rule. */
class SigningInputRulesTest {

  final BpmnModelInstance model = Bpmn.readModelFromFile(new File(ContractSigningProcess.RESOURCE));
  final ObjectMapper json = new ObjectMapper();

  @Test
  void shouldCheckEveryEditableFieldOfEveryFormOnTheServer() throws Exception {
    Set<String> checked = new HashSet<>();
    for (UserTask task : model.getModelElementsByType(UserTask.class)) {
      assertThat(SigningInputRules.hasRules(task.getId())).as("rules for %s", task.getId()).isTrue();
      assertEditableFieldsHaveRules(task.getId(), task.getCamundaFormRef());
      checked.add(task.getId());
    }
    for (StartEvent start : model.getModelElementsByType(StartEvent.class)) {
      if (start.getCamundaFormRef() != null) {
        assertEditableFieldsHaveRules(SigningInputRules.START_FORM, start.getCamundaFormRef());
        checked.add(start.getId());
      }
    }
    assertThat(checked).hasSizeGreaterThan(20);
  }

  @ParameterizedTest
  @ValueSource(strings = {"bpmn/contract-term.bpmn", "bpmn/sla-review.bpmn", "bpmn/dispute-resolution.bpmn"})
  void shouldCheckEveryEditableFieldAfterGoLiveOnTheServer(String resource) throws Exception {
    BpmnModelInstance afterGoLive = Bpmn.readModelFromFile(new File(resource));
    int forms = 0;
    for (UserTask task : afterGoLive.getModelElementsByType(UserTask.class)) {
      assertThat(ServiceInputRules.hasRules(task.getId())).as("rules for %s", task.getId()).isTrue();
      assertEditableFieldsHaveRules(ServiceInputRules.forStep(task.getId()).keys(), task.getCamundaFormRef());
      forms++;
    }
    for (StartEvent start : afterGoLive.getModelElementsByType(StartEvent.class)) {
      if (start.getCamundaFormRef() != null) {
        assertThat(ServiceInputRules.hasRules(start.getCamundaFormRef())).isTrue();
        assertEditableFieldsHaveRules(ServiceInputRules.forStep(start.getCamundaFormRef()).keys(),
            start.getCamundaFormRef());
        forms++;
      }
    }
    assertThat(forms).isGreaterThanOrEqualTo(2);
  }

  void assertEditableFieldsHaveRules(String step, String formId) throws Exception {
    assertEditableFieldsHaveRules(SigningInputRules.forStep(step).keys(), formId);
  }

  void assertEditableFieldsHaveRules(Set<String> ruled, String formId) throws Exception {
    JsonNode form = json.readTree(new File("forms/" + formId + ".form"));
    for (JsonNode component : form.get("components")) {
      if (component.has("key") && !component.path("disabled").asBoolean(false)) {
        assertThat(ruled).as("form %s field %s is checked on the server", formId, component.get("key").asText())
            .contains(component.get("key").asText());
      }
    }
  }
}
