package com.bpocontractflow.validation;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Refuses vague wording where the contract must be specific ("never 'provide regular customer service'").
 * The phrases come from {@code bpo.validation.vague-phrases}.
 */
@Component
public class VaguePhrases {

  public static final List<String> DEFAULTS = List.of("常规客服服务", "按行业标准", "尽快", "合理时间内", "视情况而定", "及时处理");

  private final List<String> phrases;

  public VaguePhrases(@Value("${bpo.validation.vague-phrases:}") List<String> phrases) {
    List<String> configured = phrases == null ? List.of() : phrases.stream().map(String::trim).filter(p -> !p.isEmpty()).toList();
    this.phrases = configured.isEmpty() ? DEFAULTS : configured;
  }

  /** The phrases refused, as configured. */
  public List<String> phrases() {
    return phrases;
  }

  /** A problem for each labelled text that contains a vague phrase (label -> text). */
  public List<String> problems(Map<String, Object> textsByLabel) {
    List<String> problems = new ArrayList<>();
    textsByLabel.forEach((label, text) -> {
      if (text instanceof String s) {
        phrases.stream().filter(s::contains).findFirst().ifPresent(phrase -> problems.add(
            "「" + label + "」不够具体：请不要使用“" + phrase + "”这类笼统说法，请写明具体的内容、时限或标准"));
      }
    });
    return problems;
  }
}
