package com.bpocontractflow.validation;

import com.bpocontractflow.common.Clocks;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.bpocontractflow.contract.SigningMethod;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.Date;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The rule kinds every form, REST call and message is checked with, one by one, at their edges. */
class InputRulesTest {

  /** 2026-03-10 00:30 in China: still 2026-03-09 in UTC, so a rule reading the JVM's zone would be a day off. */
  private static final LocalDate TODAY = LocalDate.of(2026, 3, 10);

  @BeforeEach
  void setClock() {
    ClockUtil.setCurrentTime(Date.from(ZonedDateTime.of(2026, 3, 10, 0, 30, 0, 0, Clocks.ZONE).toInstant()));
  }

  @AfterEach
  void resetClock() {
    ClockUtil.reset();
  }

  private static List<String> problems(InputRules.Rule rule, Object value) {
    Map<String, Object> values = new HashMap<>();
    values.put(rule.key(), value);
    return InputRules.of(rule).problems(values);
  }

  @Test
  void noRulesFindNothingAndCheckPasses() {
    assertThat(InputRules.none().rules()).isEmpty();
    assertThat(InputRules.none().problems(Map.of("x", "y"))).isEmpty();
    InputRules.none().check(Map.of());
  }

  @Test
  void checkThrowsWithEveryProblemInOrder() {
    InputRules rules = InputRules.of(InputRules.text("a", "甲"), InputRules.bool("b", "乙"));
    assertThat(rules.keys()).containsExactlyInAnyOrder("a", "b");
    assertThatThrownBy(() -> rules.check(Map.of("b", "yes")))
        .isInstanceOf(InvalidInputException.class)
        .satisfies(e -> assertThat(((InvalidInputException) e).getProblems())
            .containsExactly("请填写「甲」", "「乙」必须是“是”或“否”"));
  }

  @Test
  void textIsRequiredLimitedAndFreeOfControlCharacters() {
    InputRules.Rule rule = InputRules.text("t", "说明");
    assertThat(rule.isText()).isTrue();
    assertThat(rule.maxLength()).isEqualTo(InputRules.DEFAULT_TEXT_MAX);
    assertThat(rule.label()).isEqualTo("说明");
    assertThat(problems(rule, "第一行\n第二行\t制表")).isEmpty();
    assertThat(problems(rule, "a\u0007b")).containsExactly("「说明」不能包含控制字符（换行和制表符除外）");
    assertThat(problems(rule, 12)).containsExactly("「说明」必须是文字");
    assertThat(problems(rule, null)).containsExactly("请填写「说明」");
    assertThat(problems(rule, " \u200B\u3000")).containsExactly("请填写「说明」");
    assertThat(problems(rule, "字".repeat(200))).isEmpty();
    assertThat(problems(rule, "字".repeat(201))).containsExactly("「说明」不能超过 200 个字");
    // a long blank value is refused for its length, not taken as empty
    assertThat(problems(rule.optional(), " ".repeat(201))).containsExactly("「说明」不能超过 200 个字");
    assertThat(problems(rule, "  ")).isEmpty();
  }

  @Test
  void lengthCountsVisibleCharactersForTheMinimumAndAllForTheMaximum() {
    InputRules.Rule rule = InputRules.text("t", "原因").length(3, 5);
    assertThat(problems(rule, " 一二 ")).containsExactly("「原因」至少需要 3 个字");
    assertThat(problems(rule, "一\u200B二")).containsExactly("「原因」至少需要 3 个字");
    assertThat(problems(rule, "一二三")).isEmpty();
    assertThat(problems(rule, "一二三四五")).isEmpty();
    assertThat(problems(rule, "一二三四五六")).containsExactly("「原因」不能超过 5 个字");
    assertThat(InputRules.visibleLength("\u3000 一 二\u200B ")).isEqualTo(3);
    assertThat(InputRules.visibleLength("一")).isEqualTo(1);
    assertThat(InputRules.visibleLength("  ")).isZero();
    assertThat(InputRules.isBlank(null)).isTrue();
    assertThat(InputRules.isBlank("\uFEFF\u2060")).isTrue();
    assertThat(InputRules.isBlank("x")).isFalse();
    assertThat(InputRules.isBlank(0)).isFalse();
    assertThat(InputRules.hasControlCharacter("a\r\nb")).isFalse();
    assertThat(InputRules.hasControlCharacter("a\u0000")).isTrue();
  }

  @Test
  void emailMustBeAnAddressOfAtMost254Characters() {
    InputRules.Rule rule = InputRules.email("e", "邮箱");
    assertThat(problems(rule, "ops@xiaoxiang.example.com")).isEmpty();
    assertThat(problems(rule, " ops@shop.cn ")).isEmpty();
    assertThat(problems(rule, "ops@localhost")).containsExactly("「邮箱」不是有效的电子邮箱地址");
    assertThat(problems(rule, "not an address")).containsExactly("「邮箱」不是有效的电子邮箱地址");
    String local = "a".repeat(64);
    String at254 = local + "@" + "b".repeat(185) + ".com";
    assertThat(at254).hasSize(254);
    assertThat(problems(rule, at254)).isEmpty();
    assertThat(problems(rule, "a" + at254)).containsExactly("「邮箱」不是有效的电子邮箱地址");
  }

  @Test
  void choiceAcceptsOnlyTheEnumsNames() {
    InputRules.Rule rule = InputRules.choice("m", "签署方式", SigningMethod.class);
    assertThat(problems(rule, "PAPER")).isEmpty();
    assertThat(problems(rule, "paper")).containsExactly("「签署方式」必须是以下之一：ELECTRONIC、PAPER");
  }

  @Test
  void wholeNumbersWithinBounds() {
    InputRules.Rule rule = InputRules.wholeNumber("n", "座席数", 1, 10);
    assertThat(problems(rule, 1)).isEmpty();
    assertThat(problems(rule, 10L)).isEmpty();
    assertThat(problems(rule, "7")).isEmpty();
    assertThat(problems(rule, 5.0d)).isEmpty();
    assertThat(problems(rule, 0)).containsExactly("「座席数」必须是 1 到 10 之间的整数");
    assertThat(problems(rule, 11)).containsExactly("「座席数」必须是 1 到 10 之间的整数");
    assertThat(problems(rule, "2.5")).containsExactly("「座席数」必须是 1 到 10 之间的整数");
    assertThat(InputRules.toWholeNumber((short) 3)).isEqualTo(3L);
    assertThat(InputRules.toWholeNumber("4.00")).isEqualTo(4L);
    assertThat(InputRules.toWholeNumber("1e30")).isNull();
    assertThat(InputRules.toWholeNumber(true)).isNull();
    assertThat(InputRules.toWholeNumber(Long.MAX_VALUE)).isEqualTo(Long.MAX_VALUE);
  }

  @Test
  void amountsAndPercentsHaveAtMostTwoDecimalsWithinBounds() {
    InputRules.Rule amount = InputRules.amount("a", "金额", new BigDecimal("0.01"), new BigDecimal("100"));
    assertThat(problems(amount, "0.01")).isEmpty();
    assertThat(problems(amount, 100)).isEmpty();
    assertThat(problems(amount, "99.990")).isEmpty();
    assertThat(problems(amount, "0.001")).containsExactly("「金额」必须是 0.01 到 100 元之间的金额（最多两位小数）");
    assertThat(problems(amount, "0")).containsExactly("「金额」必须是 0.01 到 100 元之间的金额（最多两位小数）");
    assertThat(problems(amount, "100.01")).containsExactly("「金额」必须是 0.01 到 100 元之间的金额（最多两位小数）");
    assertThat(problems(amount, "十元")).hasSize(1);
    InputRules.Rule percent = InputRules.percent("p", "比例", "0", "100");
    assertThat(problems(percent, 99.5d)).isEmpty();
    assertThat(problems(percent, "100.5")).containsExactly("「比例」必须是 0 到 100 之间的百分数（最多两位小数）");
    assertThat(InputRules.toDecimal(Double.NaN)).isNull();
    assertThat(InputRules.toDecimal(Double.POSITIVE_INFINITY)).isNull();
    assertThat(InputRules.toDecimal(false)).isNull();
    assertThat(InputRules.toDecimal(List.of())).isNull();
    assertThat(InputRules.toDecimal(" 12.5 ")).isEqualByComparingTo("12.5");
  }

  @Test
  void atLeastOneTickedBoxAmongTheKeys() {
    InputRules rules = InputRules.of(InputRules.atLeastOne("渠道", "a", "b"));
    assertThat(rules.problems(Map.of("a", false, "b", true))).isEmpty();
    assertThat(rules.problems(Map.of("a", true))).isEmpty();
    assertThat(rules.problems(Map.of("a", false, "b", false))).containsExactly("「渠道」请至少选择一项");
  }

  @Test
  void booleansAndConfirmations() {
    assertThat(problems(InputRules.bool("b", "是否"), false)).isEmpty();
    assertThat(problems(InputRules.bool("b", "是否"), "false")).containsExactly("「是否」必须是“是”或“否”");
    assertThat(problems(InputRules.confirmed("c", "已核对"), true)).isEmpty();
    assertThat(problems(InputRules.confirmed("c", "已核对"), false)).containsExactly("请确认「已核对」");
  }

  @Test
  void datesAreChinaDatesByTheEngineClock() {
    InputRules.Rule past = InputRules.pastDate("d", "送达日期");
    assertThat(problems(past, TODAY.toString())).isEmpty();
    assertThat(problems(past, TODAY.minusDays(1) + "T00:00:00.000Z")).isEmpty();
    assertThat(problems(past, TODAY.plusDays(1).toString())).containsExactly("「送达日期」不能晚于今天");
    assertThat(problems(past, "2026-02-30")).containsExactly("「送达日期」必须是有效日期（格式：2026-01-31）");
    InputRules.Rule future = InputRules.futureDate("d", "到期日");
    assertThat(problems(future, TODAY.toString())).isEmpty();
    assertThat(problems(future, TODAY.plusDays(1).toString())).isEmpty();
    assertThat(problems(future, TODAY.minusDays(1).toString())).containsExactly("「到期日」不能早于今天");
    assertThat(problems(future, 20260310)).containsExactly("「到期日」必须是有效日期（格式：2026-01-31）");
    assertThat(InputRules.toDate("2026-03-10")).isEqualTo(TODAY);
    assertThat(InputRules.toDate("2026-3-1")).isNull();
    assertThat(InputRules.notBefore("2026-03-10", "2026-03-10")).isTrue();
    assertThat(InputRules.notBefore("2026-03-09", "2026-03-10")).isFalse();
    assertThat(InputRules.notBefore(null, "2026-03-10")).isTrue();
    assertThat(InputRules.notBefore("2026-03-09", "x")).isTrue();
  }

  @Test
  void optionalWhenAndFurtherChecks() {
    InputRules.Rule rule = InputRules.text("t", "编号").optional();
    assertThat(problems(rule, null)).isEmpty();
    assertThat(problems(rule, "x")).isEmpty();

    InputRules.Rule conditional = InputRules.text("t", "原因").when(all -> Boolean.TRUE.equals(all.get("flag")));
    assertThat(InputRules.of(conditional).problems(Map.of("flag", false))).isEmpty();
    assertThat(InputRules.of(conditional).problems(Map.of("flag", true))).containsExactly("请填写「原因」");

    InputRules.Rule matching = InputRules.text("t", "编号").matches("[A-Z]+", "只能是大写字母");
    assertThat(problems(matching, "ABC")).isEmpty();
    assertThat(problems(matching, "abc")).containsExactly("「编号」只能是大写字母");

    InputRules.Rule and = InputRules.wholeNumber("n", "天数", 0, 100)
        .and((value, all) -> InputRules.toWholeNumber(value) % 2 == 0, "必须是偶数")
        .andProblem((value, all) -> InputRules.toWholeNumber(value) > 50 ? "不能超过 50" : null);
    assertThat(problems(and, 4)).isEmpty();
    assertThat(problems(and, 3)).containsExactly("「天数」必须是偶数");
    assertThat(problems(and, 60)).containsExactly("「天数」不能超过 50");
    // the kind's own check comes first and stops the further ones
    assertThat(problems(and, 101)).containsExactly("「天数」必须是 0 到 100 之间的整数");
  }
}
