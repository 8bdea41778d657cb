package com.bpocontractflow.signing;

import com.bpocontractflow.calendar.WorkingDayTimers;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * The timers of {@code contract-signing}, read by the model's timer expressions
 * ({@code ${signingSchedule.reminderCycle}} and so on), so that no duration is written in the model.
 * Durations of whole days are handed over as days ({@code P2D}), which the engine counts in China's
 * working days ({@link WorkingDayTimers}); others (demo and test settings in minutes) stay clock time.
 */
@Component("signingSchedule")
public class SigningSchedule {

  private final SigningProperties properties;
  private final OnboardingTargetProperties onboarding;

  @Autowired
  public SigningSchedule(SigningProperties properties, OnboardingTargetProperties onboarding) {
    this.properties = properties;
    this.onboarding = onboarding;
  }

  /** With the default go-live target ({@link OnboardingTargetProperties#DEFAULT_TARGET}). */
  public SigningSchedule(SigningProperties properties) {
    this(properties, new OnboardingTargetProperties(OnboardingTargetProperties.DEFAULT_TARGET));
  }

  /** ISO 8601 repeating interval: at most {@code reminderMaxCount} reminders, one every interval. */
  public String getReminderCycle() {
    return "R" + properties.reminderMaxCount() + "/" + WorkingDayTimers.iso(properties.reminderInterval());
  }

  /** ISO 8601 duration after which a wait on the merchant is escalated to managers. */
  public String getEscalationDelay() {
    return WorkingDayTimers.iso(properties.escalateAfter());
  }

  /**
   * ISO 8601 duration from the request to the formation of the contract (both signatures or seals) that
   * the signing should not exceed.
   */
  public String getSigningTarget() {
    return WorkingDayTimers.iso(properties.target());
  }

  /** ISO 8601 duration from the formation of the contract to the go-live approval (bpo.onboarding.target). */
  public String getOnboardingTarget() {
    return WorkingDayTimers.iso(onboarding.target());
  }

  public SigningProperties properties() {
    return properties;
  }
}
