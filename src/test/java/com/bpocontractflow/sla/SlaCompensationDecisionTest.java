package com.bpocontractflow.sla;

import static org.assertj.core.api.Assertions.assertThat;

import com.bpocontractflow.coverage.DmnRuleCoverage;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The {@code sla-compensation} table, row by row (hit policy FIRST: the first matching row wins); every row is reached. */
class SlaCompensationDecisionTest {

  @RegisterExtension
  static final DmnRuleCoverage RULES = new DmnRuleCoverage();
  static final DmnEngine DMN = RULES.engine();

  static DmnDecision decision() throws Exception {
    try (InputStream in = Files.newInputStream(Path.of(SlaReviewProcess.DECISION_RESOURCE))) {
      return DMN.parseDecision("sla-compensation", in);
    }
  }

  @ParameterizedTest(name = "{0} missed, worst shortfall {1} points -> {2}")
  @CsvSource({
      "0, 0, NONE",
      "0, 15, NONE",
      "3, 1, FULL",
      "4, 20, FULL",
      "1, 10, REDUCTION_AND_PENALTY",
      "2, 12.5, REDUCTION_AND_PENALTY",
      "2, 9.99, REDUCTION_AND_EXTENSION",
      "1, 2, FEE_REDUCTION",
  })
  void shouldDecideTheRemedy(int missed, double shortfall, String remedy) throws Exception {
    var result = DMN.evaluateDecisionTable(decision(), Map.of("missedKpis", missed, "worstShortfall", shortfall));
    assertThat((String) result.getSingleResult().getSingleEntry()).isEqualTo(remedy);
    assertThat(SlaRemedy.valueOf(remedy).name()).as("a remedy the application handles").isEqualTo(remedy);
  }
}
