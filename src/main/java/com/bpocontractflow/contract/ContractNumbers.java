package com.bpocontractflow.contract;

import com.bpocontractflow.validation.InputRules;
import java.util.regex.Pattern;

/**
 * The one rule for a contract number, wherever one is typed or sent: the business key given at the start of
 * {@code contract-signing}, the start forms of {@code sla-review} and {@code dispute-resolution}, and the
 * integration endpoints. The numbers the application assigns ({@code BPO-<year>-<6-digit sequence>}) follow
 * it too. The forms in forms/ state the same pattern for the browser.
 */
public final class ContractNumbers {

  /** 3 to 40 upper-case letters, digits and dashes, starting with a letter or digit. */
  public static final String PATTERN = "^[A-Z0-9][A-Z0-9-]{2,39}$";

  /** The rule as users read it, said after the field's label. */
  public static final String DESCRIPTION = "只能包含大写字母、数字和 -，以字母或数字开头，共 3 到 40 位，例如 BPO-2026-000123";

  private static final Pattern FORMAT = Pattern.compile(PATTERN);

  private ContractNumbers() {
  }

  /** The number the application assigns when none was given: {@code BPO-<year>-<6-digit sequence>}. */
  public static String assigned(int year, long sequence) {
    return String.format("BPO-%d-%06d", year, sequence);
  }

  public static boolean isValid(String number) {
    return number != null && FORMAT.matcher(number).matches();
  }

  /** The server-side rule of a form field holding a contract number. */
  public static InputRules.Rule rule(String key, String label) {
    return InputRules.text(key, label).length(0, 40).matches(PATTERN, DESCRIPTION);
  }
}
