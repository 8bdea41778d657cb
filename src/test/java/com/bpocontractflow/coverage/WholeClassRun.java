package com.bpocontractflow.coverage;

import java.lang.reflect.Method;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Disabled;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.platform.commons.annotation.Testable;
import org.junit.platform.commons.support.AnnotationSupport;
import org.junit.platform.commons.support.HierarchyTraversalMode;

/**
 * Which test methods of a class ran, so that a coverage threshold is asserted only when the whole class
 * ran: a single test method run on its own (`-Dtest=Class#method`, an IDE's run button) covers a part of
 * a model by design and must not fail for it.
 */
final class WholeClassRun {

  private final Set<String> ran = ConcurrentHashMap.newKeySet();

  void record(ExtensionContext context) {
    context.getTestMethod().ifPresent(method -> ran.add(signature(method)));
  }

  /** The test methods (tests, parameterized tests, templates, factories) of the class that did not run. */
  Set<String> notRun(Class<?> testClass) {
    return AnnotationSupport.findAnnotatedMethods(testClass, Testable.class, HierarchyTraversalMode.TOP_DOWN)
        .stream()
        .filter(method -> !AnnotationSupport.isAnnotated(method, Disabled.class))
        .map(WholeClassRun::signature)
        .filter(signature -> !ran.contains(signature))
        .collect(Collectors.toCollection(java.util.TreeSet::new));
  }

  private static String signature(Method method) {
    return method.getName() + java.util.Arrays.toString(method.getParameterTypes());
  }
}
