package com.bpocontractflow.validation;

import com.bpocontractflow.common.Clocks;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiFunction;
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

  /** The longest text a rule accepts when it states no length of its own. */
  public static final int DEFAULT_TEXT_MAX = 200;

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

  /** The rules, in the order they are checked. */
  public List<Rule> rules() {
    return rules;
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

  /**
   * Text. Blank when it holds nothing visible (only whitespace and invisible format characters such as
   * U+200B); no control characters but line breaks and tabs; at most {@value #DEFAULT_TEXT_MAX}
   * characters unless {@link Rule#length} says otherwise.
   */
  public static Rule text(String key, String label) {
    Rule rule = new Rule(key, label, (value, all) -> {
      if (!(value instanceof String s)) {
        return "「" + label + "」必须是文字";
      }
      if (hasControlCharacter(s)) {
        return "「" + label + "」不能包含控制字符（换行和制表符除外）";
      }
      return null;
    });
    rule.text = true;
    rule.maxLength = DEFAULT_TEXT_MAX;
    return rule;
  }

  /**
   * True for null and for text without a visible character: whitespace (including no-break and
   * ideographic spaces) and format characters (Unicode category Cf: zero-width spaces and joiners
   * U+200B-U+200D, word joiner U+2060, byte order mark U+FEFF, ...) show nothing.
   */
  public static boolean isBlank(Object value) {
    return value == null || value instanceof String s && s.codePoints().allMatch(InputRules::invisible);
  }

  /** The text's length as a reader counts it: without format characters and surrounding whitespace. */
  static int visibleLength(String text) {
    StringBuilder shown = new StringBuilder(text.length());
    text.codePoints().filter(c -> Character.getType(c) != Character.FORMAT).forEach(shown::appendCodePoint);
    int start = 0;
    int end = shown.length();
    while (start < end && invisible(shown.charAt(start))) {
      start++;
    }
    while (end > start && invisible(shown.charAt(end - 1))) {
      end--;
    }
    return end - start;
  }

  private static boolean invisible(int codePoint) {
    return Character.isWhitespace(codePoint) || Character.isSpaceChar(codePoint)
        || Character.getType(codePoint) == Character.FORMAT;
  }

  /** A control character other than a line break (LF, or CR as in CR LF) or a tab. */
  static boolean hasControlCharacter(String text) {
    return text.codePoints().anyMatch(c -> Character.getType(c) == Character.CONTROL
        && c != '\n' && c != '\r' && c != '\t');
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
    private boolean text;
    private final List<Check> extra = new ArrayList<>();
    private String missing;

    Rule(String key, String label, Check check) {
      this.key = key;
      this.label = label;
      this.check = check;
    }

    /**
     * What a missing value is told as, said after the label, instead of "请填写" (e.g. a file uploaded on a page
     * of its own, whose SHA-256 the page records).
     */
    public Rule ifMissing(String problem) {
      this.missing = problem;
      return this;
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

    /**
     * The shortest length counts the visible characters; the longest counts every character as
     * submitted, so that nothing longer than its column ever reaches the database.
     */
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

    /** A further check whose problem depends on the value: it returns what is wrong (said after the label), or null. */
    public Rule andProblem(BiFunction<Object, Map<String, Object>, String> problem) {
      extra.add((value, all) -> {
        String p = problem.apply(value, all);
        return p == null ? null : "「" + label + "」" + p;
      });
      return this;
    }

    public String key() {
      return key;
    }

    /** True for a {@link InputRules#text} rule. */
    public boolean isText() {
      return text;
    }

    /** The most characters a text may have, as submitted. */
    public int maxLength() {
      return maxLength;
    }

    /** The field's name as users read it. */
    public String label() {
      return label;
    }

    boolean applies(Map<String, Object> values) {
      return when.test(values);
    }

    String check(Object value, Map<String, Object> all) {
      // measured raw, before anything else: a long blank value would be stored as it is, too
      if (value instanceof String s && s.length() > maxLength) {
        return "「" + label + "」不能超过 " + maxLength + " 个字";
      }
      if (isBlank(value)) {
        return !required ? null : missing != null ? "「" + label + "」" + missing : "请填写「" + label + "」";
      }
      String problem = check.check(value, all);
      if (problem != null) {
        return problem;
      }
      if (value instanceof String s && visibleLength(s) < minLength) {
        return "「" + label + "」至少需要 " + minLength + " 个字";
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
