package com.bpocontractflow.contract;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** GB 32100-2015: the unified social credit code and its check character. */
class CreditCodeTest {

  @ParameterizedTest
  @ValueSource(strings = {
      "91350100M000100Y43", // the example of the standard
      "91330100716105852F", // a registered company (check character F)
      "9144030071526726XG", // a registered company (check character G)
      "91110000802100433B", // a registered company (check character B)
      "91330106MA27XU3X6N"}) // the demo provider (computed)
  void shouldAcceptCodesWhoseCheckCharacterIsRight(String code) {
    assertThat(CreditCode.problem(code)).isEmpty();
    assertThat(CreditCode.isValid(code)).isTrue();
  }

  @ParameterizedTest
  @CsvSource({
      "91330100716105852G, 校验位不正确，请核对营业执照上的代码",
      "91330100716105825F, 校验位不正确，请核对营业执照上的代码",
      "91330100716105852, 应为 18 位",
      "913301007161058520F, 应为 18 位",
      "91330100716I05852F, 只能包含数字和大写字母（不含 I、O、Z、S、V）",
      "91330100716105852f, 只能包含数字和大写字母（不含 I、O、Z、S、V）"})
  void shouldNameWhatIsWrongWithAnInvalidCode(String code, String problem) {
    assertThat(CreditCode.problem(code)).contains(problem);
  }

  @Test
  void shouldMapACheckSumOfZeroToTheCharacterZero() {
    // sum of weights x values ≡ 0 (mod 31) gives 31 - 0 = 31, which the standard writes as 0
    assertThat(CreditCode.checkCharacter("00000000000000000")).isEqualTo('0');
    // … but no registration authority has the code 0
    assertThat(CreditCode.problem("000000000000000000")).contains("第 1 位（登记管理部门代码）不正确");
    assertThat(CreditCode.problem(null)).contains("应为 18 位");
  }
}
