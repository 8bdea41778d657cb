package com.bpocontractflow.contract;

import static org.assertj.core.api.Assertions.assertThat;

import com.bpocontractflow.dispute.DisputeResolutionProcess;
import com.bpocontractflow.security.FormComponents;
import com.bpocontractflow.sla.SlaReviewProcess;
import com.bpocontractflow.term.ServiceInputRules;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** One rule for a contract number: the start of contract-signing, the later start forms, the integrations. */
class ContractNumbersTest {

  static final String PROBLEM = "「合同编号」只能包含大写字母、数字和 -，以字母或数字开头，共 3 到 40 位，例如 BPO-2026-000123";

  static List<String> startProblems(String formId, String number) {
    return ServiceInputRules.forStep(formId).problems(Map.of("contractNumber", number)).stream()
        .filter(p -> p.startsWith("「合同编号」") || p.contains("「合同编号」")).toList();
  }

  @ParameterizedTest
  @ValueSource(strings = {"BPO-2026-000123", "HZXX-2026-07", "A1B", "SHOP2026", "BPO-2026-1234567", "X1-"})
  void shouldAcceptTheSameNumbersEverywhere(String number) {
    assertThat(ContractNumbers.isValid(number)).isTrue();
    assertThat(startProblems(SlaReviewProcess.START_FORM, number)).isEmpty();
    assertThat(startProblems(DisputeResolutionProcess.START_FORM, number)).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(strings = {"bpo-2026-000123", "-BPO-2026", "AB", "BPO 2026 000123", "BPO_2026_000123", "合同-2026-01",
      "BPO-2026-000123<", "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789ABCDE"})
  void shouldRefuseTheSameNumbersEverywhereWithOneMessage(String number) {
    assertThat(ContractNumbers.isValid(number)).isFalse();
    String problem = number.length() > 40 ? "「合同编号」不能超过 40 个字" : PROBLEM;
    assertThat(startProblems(SlaReviewProcess.START_FORM, number)).containsExactly(problem);
    assertThat(startProblems(DisputeResolutionProcess.START_FORM, number)).containsExactly(problem);
  }

  @Test
  void shouldAssignNumbersThatFollowTheRule() {
    assertThat(ContractNumbers.assigned(2026, 123)).isEqualTo("BPO-2026-000123");
    assertThat(ContractNumbers.isValid(ContractNumbers.assigned(2026, 123))).isTrue();
    assertThat(ContractNumbers.isValid(ContractNumbers.assigned(2026, 12_345_678))).isTrue();
  }

  @Test
  void shouldStateTheSamePatternInEveryFormWhereAContractNumberIsTyped() throws Exception {
    ObjectMapper json = new ObjectMapper();
    List<String> typed = new ArrayList<>();
    for (File file : new File("forms").listFiles((dir, name) -> name.endsWith(".form"))) {
      for (JsonNode field : FormComponents.fields(json.readTree(file))) {
        if ("contractNumber".equals(field.path("key").asText()) && !field.path("disabled").asBoolean(false)) {
          assertThat(field.path("validate").path("pattern").asText()).as(file.getName()).isEqualTo(ContractNumbers.PATTERN);
          assertThat(field.path("validate").path("maxLength").asInt()).as(file.getName()).isEqualTo(40);
          typed.add(file.getName());
        }
      }
    }
    assertThat(typed).containsExactlyInAnyOrder("sla-report.form", "dispute-report.form",
        "register-termination-notice.form");
  }
}
