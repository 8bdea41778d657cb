package com.bpocontractflow.validation;

import java.util.List;
import org.camunda.bpm.engine.impl.form.validator.FormFieldValidationException;

/**
 * Input that breaks a rule. Extends the engine's form-field validation exception so that the engine's
 * REST API answers 400 with the message, Tasklist shows the message on the form, and the transaction that
 * carried the input rolls back: nothing is half-applied.
 */
public class InvalidInputException extends FormFieldValidationException {

  private final List<String> problems;

  public InvalidInputException(List<String> problems) {
    super(firstField(problems), "输入有误：" + String.join("；", problems));
    this.problems = List.copyOf(problems);
  }

  public InvalidInputException(String problem) {
    this(List.of(problem));
  }

  /** Each problem in zh-CN, naming the field. */
  public List<String> getProblems() {
    return problems;
  }

  private static String firstField(List<String> problems) {
    return problems.isEmpty() ? null : problems.get(0);
  }
}
