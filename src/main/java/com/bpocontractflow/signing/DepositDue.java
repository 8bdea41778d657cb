package com.bpocontractflow.signing;

import static com.bpocontractflow.signing.ContractSigningProcess.Vars.DEPOSIT_DUE_DATE;

import com.bpocontractflow.common.Clocks;
import com.bpocontractflow.mail.MerchantMailer;
import com.bpocontractflow.validation.InputRules;
import java.time.LocalDate;
import java.util.Map;
import org.camunda.bpm.engine.delegate.VariableScope;

/**
 * The deposit's due date: {@code bpo.signing.deposit-due-days} calendar days after the day the deposit is
 * requested (that day not counted), fixed when the request is sent and repeated, unchanged, by the
 * reminders and the short-payment notice. Kept as the process variable {@code depositDueDate}.
 */
final class DepositDue {

  /** The mail model's key: the due date as merchants read it, e.g. 2026年12月3日. */
  static final String MODEL_KEY = "depositDueDate";

  private DepositDue() {
  }

  /** Fixes the due date counted from today (China, engine clock) and returns the mail model entry. */
  static Map<String, Object> requestedToday(VariableScope process, SigningProperties properties) {
    LocalDate due = Clocks.today().plusDays(properties.depositDueDays());
    process.setVariable(DEPOSIT_DUE_DATE, due.toString());
    return Map.of(MODEL_KEY, MerchantMailer.day(due));
  }

  /** The mail model entry of the due date fixed at the request (empty for a request sent before it was fixed). */
  static Map<String, Object> asFixed(VariableScope process) {
    LocalDate due = InputRules.toDate(process.getVariable(DEPOSIT_DUE_DATE));
    return due == null ? Map.of() : Map.of(MODEL_KEY, MerchantMailer.day(due));
  }
}
