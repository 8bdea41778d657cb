package com.bpocontractflow.contract;

import java.util.Optional;

/**
 * The unified social credit code (统一社会信用代码) of GB 32100-2015: 18 characters from a 31-character set
 * (digits and upper-case letters without I, O, Z, S, V); the last is a check character computed from the
 * first 17 with the weights 3^(i-1) mod 31.
 */
public final class CreditCode {

  static final String CHARACTERS = "0123456789ABCDEFGHJKLMNPQRTUWXY";
  /** The registration authorities of GB 32100-2015 table 1 (the first character): 9 is market regulation. */
  static final String AUTHORITIES = "123456789ANY";
  private static final int[] WEIGHTS = {1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28};

  private CreditCode() {
  }

  /** What is wrong with the code (zh-CN, without the field's name), or empty when it is valid. */
  public static Optional<String> problem(String code) {
    if (code == null || code.length() != 18) {
      return Optional.of("应为 18 位");
    }
    for (char c : code.toCharArray()) {
      if (CHARACTERS.indexOf(c) < 0) {
        return Optional.of("只能包含数字和大写字母（不含 I、O、Z、S、V）");
      }
    }
    if (AUTHORITIES.indexOf(code.charAt(0)) < 0) {
      return Optional.of("第 1 位（登记管理部门代码）不正确");
    }
    return checkCharacter(code.substring(0, 17)) == code.charAt(17) ? Optional.empty()
        : Optional.of("校验位不正确，请核对营业执照上的代码");
  }

  public static boolean isValid(String code) {
    return problem(code).isEmpty();
  }

  /** The check character (the 18th) of the first 17 characters. */
  static char checkCharacter(String first17) {
    int sum = 0;
    for (int i = 0; i < 17; i++) {
      sum += CHARACTERS.indexOf(first17.charAt(i)) * WEIGHTS[i];
    }
    int check = 31 - sum % 31;
    return CHARACTERS.charAt(check == 31 ? 0 : check);
  }
}
