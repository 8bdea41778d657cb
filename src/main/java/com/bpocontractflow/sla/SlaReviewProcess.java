package com.bpocontractflow.sla;

import com.bpocontractflow.validation.InputRules;
import java.math.BigDecimal;
import java.util.Map;
import java.util.Objects;

/** The public interface of {@code sla-review}: key, start form, task, decision and variables. */
public final class SlaReviewProcess {

  public static final String KEY = "sla-review";
  public static final String RESOURCE = "bpmn/sla-review.bpmn";
  public static final String DECISION_RESOURCE = "bpmn/sla-compensation.dmn";
  public static final String START_FORM = "sla-report";

  private SlaReviewProcess() {
  }

  public static final class Tasks {
    public static final String APPROVE_COMPENSATION = "approve-compensation";

    private Tasks() {
    }
  }

  public static final class Vars {
    public static final String PERIOD_START = "periodStart";
    public static final String PERIOD_END = "periodEnd";
    public static final String FIRST_REPLY_ON_TIME = "firstReplyOnTimePercent";
    public static final String AVERAGE_FIRST_REPLY_SECONDS = "averageFirstReplySeconds";
    public static final String RESOLVED_ON_TIME = "resolvedOnTimePercent";
    public static final String SATISFACTION = "satisfactionPercent";
    public static final String BAD_REVIEW_RATE = "badReviewPercent";
    public static final String COMPLAINTS = "complaints";
    public static final String PERIOD_FEES = "periodFees";
    public static final String OVERDUE_AMOUNT = "overdueAmount";
    public static final String OVERDUE_DAYS = "overdueDays";
    // the decision's inputs and output
    public static final String MISSED_KPIS = "missedKpis";
    public static final String WORST_SHORTFALL = "worstShortfall";
    public static final String SLA_REMEDY = "slaRemedy";
    // the version of sla-compensation the contract was signed with: its number (for the decision task) and,
    // when the contract's document states its rows, its id (for citing the item applied)
    public static final String SLA_DECISION_ID = "slaDecisionId";
    public static final String SLA_DECISION_VERSION = "slaDecisionVersion";
    // shown in approve-compensation
    public static final String MISSED_KPI_SUMMARY = "missedKpiSummary";
    public static final String REMEDY_LABEL = "remedyLabel";
    public static final String REMEDY_CLAUSE = "remedyClause";
    public static final String SLA_REVIEW_ID = "slaReviewId";
    // the remedy, proposed from the contract and approved (maybe adjusted) by managers
    public static final String FEE_REDUCTION_PERCENT = "feeReductionPercent";
    public static final String FREE_EXTENSION_DAYS = "freeExtensionDays";
    public static final String PENALTY_AMOUNT = "penaltyAmount";
    public static final String PROPOSED_FEE_REDUCTION_PERCENT = "proposedFeeReductionPercent";
    public static final String PROPOSED_FREE_EXTENSION_DAYS = "proposedFreeExtensionDays";
    public static final String PROPOSED_PENALTY_AMOUNT = "proposedPenaltyAmount";
    public static final String ADJUSTMENT_REASON = "adjustmentReason";

    private Vars() {
    }
  }

  /** Whether the approved remedy differs from the one proposed from the contract. */
  public static boolean adjusted(Map<String, Object> v) {
    return differs(v.get(Vars.FEE_REDUCTION_PERCENT), v.get(Vars.PROPOSED_FEE_REDUCTION_PERCENT))
        || differs(v.get(Vars.FREE_EXTENSION_DAYS), v.get(Vars.PROPOSED_FREE_EXTENSION_DAYS))
        || differs(v.get(Vars.PENALTY_AMOUNT), v.get(Vars.PROPOSED_PENALTY_AMOUNT));
  }

  private static boolean differs(Object value, Object proposed) {
    BigDecimal a = InputRules.toDecimal(value);
    BigDecimal b = InputRules.toDecimal(proposed);
    if (a == null || b == null) {
      return !Objects.equals(a, b);
    }
    return a.compareTo(b) != 0;
  }
}
