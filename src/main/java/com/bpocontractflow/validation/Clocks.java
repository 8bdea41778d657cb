package com.bpocontractflow.validation;

import java.time.ZoneId;

/** The business time zone: dates in contracts, forms and e-mails are dates in China. */
public final class Clocks {

  public static final ZoneId ZONE = ZoneId.of("Asia/Shanghai");

  private Clocks() {
  }
}
