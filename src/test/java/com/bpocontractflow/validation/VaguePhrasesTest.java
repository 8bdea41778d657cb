package com.bpocontractflow.validation;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class VaguePhrasesTest {

  @Test
  void withoutConfigurationTheDefaultsApply() {
    assertThat(new VaguePhrases(null).phrases()).isEqualTo(VaguePhrases.DEFAULTS);
    assertThat(new VaguePhrases(List.of(" ", "")).phrases()).isEqualTo(VaguePhrases.DEFAULTS);
  }

  @Test
  void configuredPhrasesReplaceTheDefaultsTrimmed() {
    VaguePhrases phrases = new VaguePhrases(List.of(" 看情况 ", " "));
    assertThat(phrases.phrases()).containsExactly("看情况");
    assertThat(phrases.problems(Map.of("服务范围", "尽快回复"))).isEmpty();
    assertThat(phrases.problems(Map.of("服务范围", "看情况回复"))).hasSize(1);
  }

  @Test
  void oneProblemPerTextNamingItsLabelAndTheFirstPhrase() {
    Map<String, Object> texts = new LinkedHashMap<>();
    texts.put("服务范围", "提供常规客服服务，尽快回复");
    texts.put("服务时间", "工作日 9:00-18:00");
    texts.put("座席数", 5);
    texts.put("备注", null);
    assertThat(new VaguePhrases(null).problems(texts)).containsExactly(
        "「服务范围」不够具体：请不要使用“常规客服服务”这类笼统说法，请写明具体的内容、时限或标准");
  }
}
