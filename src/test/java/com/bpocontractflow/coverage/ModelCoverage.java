package com.bpocontractflow.coverage;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.camunda.community.process_test_coverage.core.model.DefaultCollector;
import org.camunda.community.process_test_coverage.core.model.Model;
import org.camunda.community.process_test_coverage.core.model.Suite;
import org.camunda.community.process_test_coverage.junit5.platform7.ProcessEngineCoverageExtension;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * Coverage (flow nodes and sequence flows reached) of each named model, asserted per model, not as the
 * total over every model a test class deploys: a well-covered main model must not hide a poorly covered
 * one. The figures of every model the class touched are printed to the build log. The threshold is
 * asserted only when every test method of the class ran ({@link WholeClassRun}).
 *
 * <p>Register it after the class's {@link ProcessEngineCoverageExtension} (whose collector it reads), so
 * that it runs first when the class ends, while the class's suite is still the active one.
 */
public final class ModelCoverage implements AfterEachCallback, AfterAllCallback {

  private final ProcessEngineCoverageExtension engine;
  private final Map<String, Double> thresholds = new LinkedHashMap<>();
  private final WholeClassRun run = new WholeClassRun();

  private ModelCoverage(ProcessEngineCoverageExtension engine) {
    this.engine = engine;
  }

  public static ModelCoverage of(ProcessEngineCoverageExtension engine) {
    return new ModelCoverage(engine);
  }

  /** The model with this process definition key must reach at least the share given (0.95 = 95 %). */
  public ModelCoverage atLeast(double share, String... processDefinitionKeys) {
    for (String key : processDefinitionKeys) {
      thresholds.put(key, share);
    }
    return this;
  }

  @Override
  public void afterEach(ExtensionContext context) {
    run.record(context);
  }

  @Override
  public void afterAll(ExtensionContext context) throws Exception {
    DefaultCollector collector = collector(engine);
    Suite suite = collector.getActiveSuite();
    Map<String, Double> coverage = new LinkedHashMap<>();
    for (Model model : collector.getModels()) {
      coverage.merge(model.getKey(), suite.calculateCoverage(model), Math::max);
    }
    String testClass = context.getRequiredTestClass().getSimpleName();
    coverage.forEach((key, share) -> System.out.printf(Locale.ROOT, "Model coverage %s in %s: %.1f %%%s%n",
        key, testClass, share * 100, thresholds.containsKey(key)
            ? String.format(Locale.ROOT, " (required %.0f %%)", thresholds.get(key) * 100) : ""));
    Set<String> notRun = run.notRun(context.getRequiredTestClass());
    if (!notRun.isEmpty()) {
      System.out.printf("Model coverage of %s not asserted: %d test method(s) did not run%n", testClass, notRun.size());
      return;
    }
    thresholds.forEach((key, share) -> assertThat(coverage.getOrDefault(key, 0.0))
        .as("coverage of model %s in %s", key, testClass)
        .isGreaterThanOrEqualTo(share));
  }

  private static DefaultCollector collector(ProcessEngineCoverageExtension engine) throws ReflectiveOperationException {
    // process-test-coverage 3.0.0 keeps its collector private and asserts only the total of a class
    Field field = ProcessEngineCoverageExtension.class.getDeclaredField("coverageCollector");
    field.setAccessible(true);
    return (DefaultCollector) field.get(engine);
  }
}
