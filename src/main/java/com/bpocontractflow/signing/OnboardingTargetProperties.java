package com.bpocontractflow.signing;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code bpo.onboarding.target}: the target from the formation of the contract (the second signature or
 * seal) to the managers' go-live approval, the counterpart of the signing target {@code bpo.signing.target}
 * (request to formation). Past it managers get {@code review-overdue-go-live}. Whole days ({@code P10D})
 * count China's working days and fall due at 9:00, like every timer of {@code contract-signing}.
 */
@ConfigurationProperties("bpo.onboarding")
public record OnboardingTargetProperties(@DefaultValue("P10D") Duration target) {

  /** The default: ten working days. */
  public static final Duration DEFAULT_TARGET = Duration.ofDays(10);

  public OnboardingTargetProperties {
    if (target == null || target.isNegative() || target.isZero()) {
      throw new IllegalArgumentException("bpo.onboarding.target must be a positive duration, e.g. P10D");
    }
  }
}
