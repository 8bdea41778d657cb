package com.bpocontractflow.contract;

import java.util.function.Function;

/**
 * The zh-CN label of an enum value stored by its name (a clause value, a process variable): the contract's
 * enums carry their labels, and every page, e-mail and document reads them through here.
 */
public final class EnumLabels {

  private EnumLabels() {
  }

  /** The label of the stored name {@code value} (null stays null). */
  public static <E extends Enum<E>> String label(Object value, Function<String, E> parse, Function<E, String> label) {
    return value instanceof String name ? label.apply(parse.apply(name)) : null;
  }
}
