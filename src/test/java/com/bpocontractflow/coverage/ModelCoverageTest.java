package com.bpocontractflow.coverage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;
import static org.junit.platform.engine.discovery.DiscoverySelectors.selectMethod;

import com.bpocontractflow.signing.EngineTests;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.model.bpmn.Bpmn;
import org.camunda.bpm.model.bpmn.BpmnModelInstance;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.platform.engine.DiscoverySelector;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import org.junit.platform.launcher.listeners.SummaryGeneratingListener;
import org.junit.platform.launcher.listeners.TestExecutionSummary;

/**
 * The coverage checks themselves: a class that leaves part of a model (or a DMN rule) unreached fails, one
 * that reaches all of it passes, and one test method run on its own is not held to the class's threshold.
 * The fixture classes below are nested (Surefire does not run them by themselves) and run through the
 * JUnit Platform launcher, each once: their extensions are static, as in the real test classes.
 */
class ModelCoverageTest {

  static final String FIXTURE = "coverage-fixture";

  static final BpmnModelInstance CHOICE = Bpmn.createExecutableProcess(FIXTURE)
      .startEvent("start")
      .exclusiveGateway("choice")
      .condition("yes", "${go}").endEvent("endYes")
      .moveToLastGateway()
      .condition("no", "${!go}").endEvent("endNo")
      .done();

  static TestExecutionSummary run(DiscoverySelector selector) {
    SummaryGeneratingListener listener = new SummaryGeneratingListener();
    LauncherFactory.create().execute(LauncherDiscoveryRequestBuilder.request().selectors(selector).build(), listener);
    return listener.getSummary();
  }

  static List<String> failures(TestExecutionSummary summary) {
    return summary.getFailures().stream().map(f -> String.valueOf(f.getException().getMessage())).toList();
  }

  @Test
  void aWholeClassThatLeavesABranchUnreachedFailsNamingTheModel() {
    TestExecutionSummary summary = run(selectClass(OneBranch.class));
    assertThat(summary.getTestsSucceededCount()).isEqualTo(2);
    assertThat(failures(summary)).singleElement().asString().contains("coverage of model " + FIXTURE);
  }

  @Test
  void aWholeClassThatReachesEveryBranchPasses() {
    TestExecutionSummary summary = run(selectClass(BothBranches.class));
    assertThat(summary.getTestsSucceededCount()).isEqualTo(2);
    assertThat(failures(summary)).isEmpty();
  }

  @Test
  void oneTestMethodRunOnItsOwnIsNotHeldToTheClassThreshold() {
    TestExecutionSummary summary = run(selectMethod(BothBranchesOneRun.class, "yes"));
    assertThat(summary.getTestsSucceededCount()).isEqualTo(1);
    assertThat(failures(summary)).isEmpty();
  }

  @Test
  void aDecisionRuleNoTestMatchesFails() {
    TestExecutionSummary summary = run(selectClass(OneRule.class));
    assertThat(summary.getTestsSucceededCount()).isEqualTo(1);
    assertThat(failures(summary)).singleElement().asString().contains("rules of fixture-table").contains("rule-no");
    assertThat(failures(run(selectClass(BothRules.class)))).isEmpty();
  }

  /** A process test class's two extensions, as the real ones declare them. */
  static ProcessEngineCoverageExtension newEngine() {
    return ProcessEngineCoverageExtension.builder(EngineTests.CONFIGURATION).build();
  }

  /** A test class of one model: the model's "yes" branch; subclasses add tests and their own extensions. */
  abstract static class Fixture {
    String deployment;

    abstract ProcessEngineCoverageExtension engine();

    void start(boolean go) {
      deployment = engine().getRepositoryService().createDeployment().addModelInstance("fixture.bpmn", CHOICE).deploy().getId();
      engine().getRuntimeService().startProcessInstanceByKey(FIXTURE, Map.of("go", go));
    }

    @AfterEach
    void undeploy() {
      engine().getRepositoryService().deleteDeployment(deployment, true);
    }

    @Test
    void yes() {
      start(true);
    }
  }

  /** Reaches both branches. */
  abstract static class TwoBranches extends Fixture {
    @Test
    void no() {
      start(false);
    }
  }

  static class OneBranch extends Fixture {
    @RegisterExtension
    @Order(1)
    static ProcessEngineCoverageExtension engine = newEngine();

    @RegisterExtension
    @Order(2)
    static ModelCoverage coverage = ModelCoverage.of(engine).atLeast(0.95, FIXTURE);

    @Override
    ProcessEngineCoverageExtension engine() {
      return engine;
    }

    @Test
    void yesAgain() {
      start(true);
    }
  }

  static class BothBranches extends TwoBranches {
    @RegisterExtension
    @Order(1)
    static ProcessEngineCoverageExtension engine = newEngine();

    @RegisterExtension
    @Order(2)
    static ModelCoverage coverage = ModelCoverage.of(engine).atLeast(0.95, FIXTURE);

    @Override
    ProcessEngineCoverageExtension engine() {
      return engine;
    }
  }

  /** The same tests as {@link BothBranches}, for a run of one of them. */
  static class BothBranchesOneRun extends TwoBranches {
    @RegisterExtension
    @Order(1)
    static ProcessEngineCoverageExtension engine = newEngine();

    @RegisterExtension
    @Order(2)
    static ModelCoverage coverage = ModelCoverage.of(engine).atLeast(0.95, FIXTURE);

    @Override
    ProcessEngineCoverageExtension engine() {
      return engine;
    }
  }

  static final String TABLE = """
      <?xml version="1.0" encoding="UTF-8"?>
      <definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" id="fixture" name="fixture" namespace="fixture">
        <decision id="fixture-table" name="fixture">
          <decisionTable id="table" hitPolicy="FIRST">
            <input id="in" label="go"><inputExpression id="expr" typeRef="boolean"><text>go</text></inputExpression></input>
            <output id="out" name="answer" typeRef="string" />
            <rule id="rule-yes"><inputEntry id="e1"><text>true</text></inputEntry><outputEntry id="o1"><text>"yes"</text></outputEntry></rule>
            <rule id="rule-no"><inputEntry id="e2"><text>false</text></inputEntry><outputEntry id="o2"><text>"no"</text></outputEntry></rule>
          </decisionTable>
        </decision>
      </definitions>
      """;

  static String answer(DmnRuleCoverage rules, boolean go) {
    var decision = rules.engine().parseDecision("fixture-table",
        new ByteArrayInputStream(TABLE.getBytes(StandardCharsets.UTF_8)));
    return rules.engine().evaluateDecisionTable(decision, Map.of("go", go)).getSingleResult().getSingleEntry();
  }

  static class OneRule {
    @RegisterExtension
    static DmnRuleCoverage rules = new DmnRuleCoverage();

    @Test
    void yes() {
      assertThat(answer(rules, true)).isEqualTo("yes");
    }
  }

  static class BothRules {
    @RegisterExtension
    static DmnRuleCoverage rules = new DmnRuleCoverage();

    @Test
    void yes() {
      assertThat(answer(rules, true)).isEqualTo("yes");
    }

    @Test
    void no() {
      assertThat(answer(rules, false)).isEqualTo("no");
    }
  }
}
