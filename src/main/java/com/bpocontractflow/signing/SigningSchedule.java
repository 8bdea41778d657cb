package com.bpocontractflow.signing;

import org.springframework.stereotype.Component;

/**
 * The timers of {@code contract-signing}, read by the model's timer expressions
 * ({@code ${signingSchedule.reminderCycle}} and so on), so that no duration is written in the model.
 */
@Component("signingSchedule")
public class SigningSchedule {

  private final SigningProperties properties;

  public SigningSchedule(SigningProperties properties) {
    this.properties = properties;
  }

  /** ISO 8601 repeating interval: at most {@code reminderMaxCount} reminders, one every interval. */
  public String getReminderCycle() {
    return "R" + properties.reminderMaxCount() + "/" + properties.reminderInterval();
  }

  /** ISO 8601 duration after which a wait on the merchant is escalated to managers. */
  public String getEscalationDelay() {
    return properties.escalateAfter().toString();
  }

  /** ISO 8601 duration from the request to the go-live approval that the signing should not exceed. */
  public String getSigningTarget() {
    return properties.target().toString();
  }

  public SigningProperties properties() {
    return properties;
  }
}
