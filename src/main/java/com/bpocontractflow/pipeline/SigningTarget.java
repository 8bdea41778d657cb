package com.bpocontractflow.pipeline;

import java.time.Duration;
import java.time.OffsetDateTime;

/**
 * Where a contract stands against the target from request to both signatures (bpo.signing.target, 10
 * working days): only while it is not yet formed.
 */
public enum SigningTarget {
  ON_TIME("按期"),
  DUE_SOON("即将到期"),
  OVERDUE("已超期");

  /** "Due soon" in the last days before the target. */
  static final Duration DUE_SOON_WITHIN = Duration.ofDays(3);

  private final String label;

  SigningTarget(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  /** Against the target that falls due at {@code due} (the request plus bpo.signing.target in working days). */
  static SigningTarget of(OffsetDateTime due, OffsetDateTime now) {
    if (now.isAfter(due)) {
      return OVERDUE;
    }
    return now.isAfter(due.minus(DUE_SOON_WITHIN)) ? DUE_SOON : ON_TIME;
  }
}
