package com.bpocontractflow;

import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestPlan;

/**
 * Prints the seed of the random test order (src/test/resources/junit-platform.properties) before the tests
 * run, so that an order that failed can be repeated: {@code mvn test -Dtest.order.seed=<seed>}. Maven sets
 * a new seed every build (pom.xml); elsewhere JUnit picks one itself.
 */
public class RandomOrderSeed implements TestExecutionListener {

  static final String SEED = "junit.jupiter.execution.order.random.seed";

  @Override
  public void testPlanExecutionStarted(TestPlan testPlan) {
    System.out.println(testPlan.getConfigurationParameters().get(SEED)
        .map(seed -> "Random test order seed: " + seed + " (repeat this order with -Dtest.order.seed=" + seed + ")")
        .orElse("Random test order: no seed set (" + SEED + "), JUnit picks one"));
  }
}
