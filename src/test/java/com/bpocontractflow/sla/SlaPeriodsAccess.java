package com.bpocontractflow.sla;

import java.time.LocalDate;
import org.camunda.bpm.engine.RuntimeService;

/** What sla-review's start does for contract-term, for the engine tests of contract-term (another package). */
public final class SlaPeriodsAccess {

  private SlaPeriodsAccess() {
  }

  public static void submitted(RuntimeService runtime, String contractNumber, LocalDate start, LocalDate end) {
    SlaPeriods.submitted(runtime, contractNumber, start, end);
  }
}
