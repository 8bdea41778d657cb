package com.bpocontractflow.validation;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiPredicate;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Server-side rules for the values a form, a REST call or a message sets. Each rule names the field by
 * its zh-CN label, so the message means something to the person who typed the value.
 */
public final class InputRules {

  private static final Pattern EMAIL =
      Pattern.compile("^[A-Za-z0-9._%+-]+@[A-Za-z0-9-]+(\\.[A-Za-z0-9-]+)*\\.[A-Za-z]{2,}$");

  private final List<Rule> rules;

  private InputRules(List<Rule> rules) {
    this.rules = rules;
  }

  public static InputRules of(Rule... rules) {
    return new InputRules(List.of(rules));
  }

  public static InputRules none() {
    return new InputRules(List.of());
  }

  /** The fields these rules check. */
  public java.util.Set<String> keys() {
    return rules.stream().map(Rule::key).collect(Collectors.toSet());
  }

  /** The problems found, empty when the values are valid. */
  public List<String> problems(Map<String, Object> values) {
    List<String> problems = new ArrayList<>();
    for (Rule rule : rules) {
      if (rule.applies(values)) {
        String problem = rule.check(values.get(rule.key), values);
        if (problem != null) {
          problems.add(problem);
        }
      }
    }
    return problems;
  }

  /** Throws {@link InvalidInputException} listing every problem. */
  public void check(Map<String, Object> values) {
    List<String> problems = problems(values);
    if (!problems.isEmpty()) {
      throw new InvalidInputException(problems);
    }
  }

  public static Rule text(String key, String label) {
    return new Rule(key, label, (value, all) -> {
      if (!(value instanceof String s)) {
        return "「" + label + "」必须是文字";
      }
      return null;
    });
  }

  public static Rule email(String key, String label) {
    return new Rule(key, label, (value, all) ->
        value instanceof String s && EMAIL.matcher(s.trim()).matches() && s.length() <= 254
            ? null : "「" + label + "」不是有效的电子邮箱地址");
  }

  public static <E extends Enum<E>> Rule choice(String key, String label, Class<E> type) {
    Set<String> allowed = Arrays.stream(type.getEnumConstants()).map(Enum::name).collect(Collectors.toSet());
    return new Rule(key, label, (value, all) ->
        value instanceof String s && allowed.contains(s)
            ? null : "「" + label + "」必须是以下之一：" + String.join("、", allowed.stream().sorted().toList()));
  }

  public static Rule wholeNumber(String key, String label, long min, long max) {
    return new Rule(key, label, (value, all) -> {
      Long number = toWholeNumber(value);
      if (number == null || number < min || number > max) {
        return "「" + label + "」必须是 " + min + " 到 " + max + " 之间的整数";
      }
      return null;
    });
  }

  /** An amount in CNY: a number (or numeric text) with at most two decimals within [min, max]. */
  public static Rule amount(String key, String label, BigDecimal min, BigDecimal max) {
    return decimal(key, label, min, max, " 元之间的金额（最多两位小数）");
  }

  /** A percentage: a number with at most two decimals within [min, max]. */
  public static Rule percent(String key, String label, String min, String max) {
    return decimal(key, label, new BigDecimal(min), new BigDecimal(max), " 之间的百分数（最多两位小数）");
  }

  private static Rule decimal(String key, String label, BigDecimal min, BigDecimal max, String what) {
    return new Rule(key, label, (value, all) -> {
      BigDecimal number = toDecimal(value);
      if (number == null || number.stripTrailingZeros().scale() > 2
          || number.compareTo(min) < 0 || number.compareTo(max) > 0) {
        return "「" + label + "」必须是 " + min.toPlainString() + " 到 " + max.toPlainString() + what;
      }
      return null;
    });
  }

  /** Checkboxes of which at least one must be ticked (the rule is reported under the first key). */
  public static Rule atLeastOne(String label, String... keys) {
    return new Rule(keys[0], label, (value, all) -> {
      for (String key : keys) {
        if (Boolean.TRUE.equals(all.get(key))) {
          return null;
        }
      }
      return "「" + label + "」请至少选择一项";
    });
  }

  public static Rule bool(String key, String label) {
    return new Rule(key, label, (value, all) ->
        value instanceof Boolean ? null : "「" + label + "」必须是“是”或“否”");
  }

  /** A confirmation checkbox that must be ticked. */
  public static Rule confirmed(String key, String label) {
    return new Rule(key, label, (value, all) ->
        Boolean.TRUE.equals(value) ? null : "请确认「" + label + "」");
  }

  /** An ISO date (yyyy-MM-dd), not in the future. */
  public static Rule pastDate(String key, String label) {
    return new Rule(key, label, (value, all) -> {
      LocalDate date = toDate(value);
      if (date == null) {
        return "「" + label + "」必须是有效日期（格式：2026-01-31）";
      }
      if (date.isAfter(Clocks.today())) {
        return "「" + label + "」不能晚于今天";
      }
      return null;
    });
  }

  /** An ISO date (yyyy-MM-dd), today or later. */
  public static Rule futureDate(String key, String label) {
    return new Rule(key, label, (value, all) -> {
      LocalDate date = toDate(value);
      if (date == null) {
        return "「" + label + "」必须是有效日期（格式：2026-01-31）";
      }
      if (date.isBefore(Clocks.today())) {
        return "「" + label + "」不能早于今天";
      }
      return null;
    });
  }

  /** True unless both are dates and the first is before the second (a missing date is another rule's concern). */
  public static boolean notBefore(Object date, Object earliest) {
    LocalDate day = toDate(date);
    LocalDate first = toDate(earliest);
    return day == null || first == null || !day.isBefore(first);
  }

  public static Long toWholeNumber(Object value) {
    if (value instanceof Integer || value instanceof Long || value instanceof Short) {
      return ((Number) value).longValue();
    }
    BigDecimal decimal = toDecimal(value);
    if (decimal == null || decimal.stripTrailingZeros().scale() > 0) {
      return null;
    }
    try {
      return decimal.longValueExact();
    } catch (ArithmeticException e) {
      return null;
    }
  }

  public static BigDecimal toDecimal(Object value) {
    if (value == null || value instanceof Boolean) {
      return null;
    }
    if (value instanceof Double d && (d.isNaN() || d.isInfinite())) {
      return null;
    }
    try {
      return value instanceof Number || value instanceof String
          ? new BigDecimal(value.toString().trim()) : null;
    } catch (NumberFormatException e) {
      return null;
    }
  }

  public static LocalDate toDate(Object value) {
    if (!(value instanceof String s)) {
      return null;
    }
    try {
      // form-js date fields send yyyy-MM-dd
      return LocalDate.parse(s.length() > 10 ? s.substring(0, 10) : s);
    } catch (DateTimeParseException e) {
      return null;
    }
  }

  /** One rule on one field. Required unless made {@link #optional()}. */
  public static final class Rule {
    private final String key;
    private final String label;
    private final Check check;
    private boolean required = true;
    private Predicate<Map<String, Object>> when = all -> true;
    private int minLength = 0;
    private int maxLength = Integer.MAX_VALUE;
    private final List<Check> extra = new ArrayList<>();

    Rule(String key, String label, Check check) {
      this.key = key;
      this.label = label;
      this.check = check;
    }

    public Rule optional() {
      this.required = false;
      return this;
    }

    /** The rule applies only when the predicate holds for all the values. */
    public Rule when(Predicate<Map<String, Object>> condition) {
      this.when = condition;
      return this;
    }

    public Rule length(int min, int max) {
      this.minLength = min;
      this.maxLength = max;
      return this;
    }

    public Rule matches(String regex, String description) {
      Pattern pattern = Pattern.compile(regex);
      extra.add((value, all) -> value instanceof String s && !pattern.matcher(s).matches()
          ? "「" + label + "」" + description : null);
      return this;
    }

    /** A further check on the field, given the field's value and all values. */
    public Rule and(BiPredicate<Object, Map<String, Object>> valid, String problem) {
      extra.add((value, all) -> valid.test(value, all) ? null : "「" + label + "」" + problem);
      return this;
    }

    public String key() {
      return key;
    }

    /** The field's name as users read it. */
    public String label() {
      return label;
    }

    boolean applies(Map<String, Object> values) {
      return when.test(values);
    }

    String check(Object value, Map<String, Object> all) {
      boolean blank = value == null || value instanceof String s && s.isBlank();
      if (blank) {
        return required ? "请填写「" + label + "」" : null;
      }
      String problem = check.check(value, all);
      if (problem != null) {
        return problem;
      }
      if (value instanceof String s) {
        int length = s.trim().length();
        if (length < minLength) {
          return "「" + label + "」至少需要 " + minLength + " 个字";
        }
        if (length > maxLength) {
          return "「" + label + "」不能超过 " + maxLength + " 个字";
        }
      }
      for (Check c : extra) {
        String p = c.check(value, all);
        if (p != null) {
          return p;
        }
      }
      return null;
    }
  }

  @FunctionalInterface
  interface Check {
    String check(Object value, Map<String, Object> all);
  }
}
