package com.bpocontractflow.pipeline;

import java.time.Duration;
import java.time.OffsetDateTime;

/**
 * Where a contract stands against one of its two targets, each due at 9:00 of its last working day: the
 * signing target while the contract is not yet formed (request to both signatures, bpo.signing.target), the
 * go-live target from formation to the go-live approval (bpo.onboarding.target).
 */
public enum TargetStatus {
  ON_TIME("按期"),
  DUE_SOON("即将到期"),
  OVERDUE("已超期");

  /** "Due soon" in the last days before the target. */
  static final Duration DUE_SOON_WITHIN = Duration.ofDays(3);

  private final String label;

  TargetStatus(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  /** Against the target that falls due at {@code due} (its start plus the target in working days). */
  static TargetStatus of(OffsetDateTime due, OffsetDateTime now) {
    if (now.isAfter(due)) {
      return OVERDUE;
    }
    return now.isAfter(due.minus(DUE_SOON_WITHIN)) ? DUE_SOON : ON_TIME;
  }
}
