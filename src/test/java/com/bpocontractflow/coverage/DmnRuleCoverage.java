package com.bpocontractflow.coverage;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.camunda.bpm.dmn.engine.DmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.delegate.DmnDecisionTableEvaluationEvent;
import org.camunda.bpm.dmn.engine.delegate.DmnDecisionTableEvaluationListener;
import org.camunda.bpm.dmn.engine.delegate.DmnEvaluatedDecisionRule;
import org.camunda.bpm.dmn.engine.impl.DefaultDmnEngineConfiguration;
import org.camunda.bpm.dmn.engine.impl.DmnDecisionTableImpl;
import org.camunda.bpm.dmn.engine.impl.DmnDecisionTableRuleImpl;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A DMN engine for decision-table tests that records which rules matched, and asserts, when the whole
 * test class ran ({@link WholeClassRun}), that every rule of every table the class evaluated matched at
 * least once: a rule no test reaches is a rule no test checks. The figures are printed to the build log.
 */
public final class DmnRuleCoverage implements AfterEachCallback, AfterAllCallback, DmnDecisionTableEvaluationListener {

  private final DmnEngine engine;
  private final Map<String, DmnDecision> evaluated = new ConcurrentHashMap<>();
  private final Set<String> matched = ConcurrentHashMap.newKeySet();
  private final WholeClassRun run = new WholeClassRun();

  public DmnRuleCoverage() {
    DefaultDmnEngineConfiguration configuration =
        (DefaultDmnEngineConfiguration) DmnEngineConfiguration.createDefaultDmnEngineConfiguration();
    configuration.customPostDecisionTableEvaluationListeners(List.of(this));
    this.engine = configuration.buildEngine();
  }

  /** The DMN engine whose evaluations count. */
  public DmnEngine engine() {
    return engine;
  }

  @Override
  public void notify(DmnDecisionTableEvaluationEvent event) {
    DmnDecision decision = event.getDecision();
    evaluated.putIfAbsent(decision.getKey(), decision);
    for (DmnEvaluatedDecisionRule rule : event.getMatchingRules()) {
      matched.add(decision.getKey() + "/" + rule.getId());
    }
  }

  @Override
  public void afterEach(ExtensionContext context) {
    run.record(context);
  }

  @Override
  public void afterAll(ExtensionContext context) {
    String testClass = context.getRequiredTestClass().getSimpleName();
    boolean whole = run.notRun(context.getRequiredTestClass()).isEmpty();
    evaluated.values().forEach(decision -> {
      Set<String> missed = new TreeSet<>();
      List<DmnDecisionTableRuleImpl> rules = ((DmnDecisionTableImpl) decision.getDecisionLogic()).getRules();
      rules.forEach(rule -> {
        if (!matched.contains(decision.getKey() + "/" + rule.getId())) {
          missed.add(rule.getId());
        }
      });
      System.out.printf(Locale.ROOT, "DMN rule coverage %s in %s: %d of %d rules matched%s%n", decision.getKey(),
          testClass, rules.size() - missed.size(), rules.size(), missed.isEmpty() ? "" : ", never: " + missed);
      if (whole) {
        assertThat(missed).as("rules of %s that no test of %s matched", decision.getKey(), testClass).isEmpty();
      }
    });
    if (!whole) {
      System.out.printf("DMN rule coverage of %s not asserted: not every test method ran%n", testClass);
    }
  }
}
