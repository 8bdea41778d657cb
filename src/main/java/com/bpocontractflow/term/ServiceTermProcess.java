package com.bpocontractflow.term;

/** The public interface of {@code contract-term}: its key, task ids, message and variables. */
public final class ServiceTermProcess {

  public static final String KEY = "contract-term";
  public static final String RESOURCE = "bpmn/contract-term.bpmn";

  private ServiceTermProcess() {
  }

  public static final class Tasks {
    public static final String REVIEW_TRIAL = "review-trial";
    public static final String NEGOTIATE_RENEWAL = "negotiate-renewal";
    public static final String FINAL_SETTLEMENT = "final-settlement";
    public static final String RETURN_OR_DELETE_DATA = "return-or-delete-data";
    public static final String ESCALATE_DATA_DISPOSAL = "escalate-data-disposal";
    /** The month's SLA figures, entered by onboarding when the customer-service system sent none. */
    public static final String ENTER_SLA_FIGURES = "enter-sla-figures";
    /** The onboarding team revokes the access the merchant granted for the service (sub-accounts, systems). */
    public static final String REVOKE_MERCHANT_ACCESS = "revoke-merchant-access";
    /** Finance confirms the refund the final statement owes the merchant was paid (only when one is owed). */
    public static final String CONFIRM_REFUND_PAID = "confirm-refund-paid";
    /** Managers, when the refund is not confirmed by its due date. */
    public static final String ESCALATE_REFUND = "escalate-refund";

    private Tasks() {
    }
  }

  public static final class Elements {
    /**
     * Records the data's disposal, issues the deletion certificate (a PDF) and mails the merchant, in a job after
     * the completion that joined last (asynchronous continuation).
     */
    public static final String CONFIRM_DATA_DISPOSAL = "ServiceTask_ConfirmDataDisposal";

    private Elements() {
    }
  }

  public static final class Messages {
    public static final String TERMINATION_NOTICE_RECEIVED = "TerminationNoticeReceived";
    /** A period's SLA figures arrived (sla-review started for it): that period asks nothing more. */
    public static final String SLA_FIGURES_SUBMITTED = "SlaFiguresSubmitted";

    private Messages() {
    }
  }

  public static final class Vars {
    // routing and timers
    public static final String HAS_TRIAL = "hasTrial";
    public static final String TRIAL_REVIEW_AT = "trialReviewAt";
    public static final String RENEWAL_TALKS_AT = "renewalTalksAt";
    public static final String TERM_ENDS_AT = "termEndsAt";
    public static final String SERVICE_ENDS_AT = "serviceEndsAt";
    public static final String DATA_DUE_DATE = "dataDueDate";
    public static final String TRIAL_OUTCOME = "trialOutcome";
    /** Due date of review-trial / negotiate-renewal (also their boundary timers) and when they go to managers. */
    public static final String TRIAL_DECISION_DUE_AT = "trialDecisionDueAt";
    public static final String TRIAL_ESCALATION_AT = "trialEscalationAt";
    public static final String RENEWAL_DECISION_DUE_AT = "renewalDecisionDueAt";
    public static final String RENEWAL_ESCALATION_AT = "renewalEscalationAt";
    public static final String RENEWAL_DECISION = "renewalDecision";
    // shown in the forms
    public static final String GO_LIVE_DATE = "goLiveDate";
    public static final String TRIAL_LAST_DAY = "trialLastDay";
    public static final String TRIAL_EXIT_NOTICE_DAYS = "trialExitNoticeDays";
    public static final String TERM_LAST_DAY = "termLastDay";
    public static final String LAST_SERVICE_DAY = "lastServiceDay";
    public static final String END_REASON = "endReason";
    public static final String MONTHLY_FEE = "monthlyFee";
    public static final String DEPOSIT_HELD = "depositHeld";
    public static final String DEPOSIT_HANDLING_LABEL = "depositHandlingLabel";
    /** The contract's deposit kind (DINGJIN, PERFORMANCE_BOND; absent for contracts recorded before it existed). */
    public static final String DEPOSIT_KIND = "depositKind";
    public static final String DEPOSIT_KIND_LABEL = "depositKindLabel";
    public static final String PENALTY_DUE = "penaltyDue";
    /** The provider's early-termination penalty owed to the merchant (the provider ended without cause). */
    public static final String PROVIDER_PENALTY_DUE = "providerPenaltyDue";
    public static final String MERCHANT_PAYS = "merchantPays";
    public static final String PROVIDER_REFUNDS = "providerRefunds";
    // the message TerminationNoticeReceived
    public static final String NOTICE_PARTY = "noticeParty";
    public static final String NOTICE_RECEIVED_DATE = "noticeReceivedDate";
    public static final String TERMINATION_REASON = "terminationReason";
    public static final String TERMINATION_WITH_CAUSE = "terminationWithCause";
    /** How the provider's own notice was delivered (NoticeDelivery), when staff register it in Tasklist. */
    public static final String NOTICE_DELIVERY = "noticeDelivery";
    // forms
    public static final String TRIAL_REVIEW_NOTE = "trialReviewNote";
    public static final String RENEWAL_MONTHS = "renewalMonths";
    public static final String RENEWAL_NOTE = "renewalNote";
    public static final String INVOICED_THROUGH = "invoicedThrough";
    public static final String UNPAID_INVOICES = "unpaidInvoices";
    public static final String USAGE_FEES = "usageFees";
    public static final String SETTLEMENT_NOTE = "settlementNote";
    /** Whose breach made the contract's purpose impossible to achieve: NONE, MERCHANT, PROVIDER (定金 only). */
    public static final String PURPOSE_DEFEATED_BY = "purposeDefeatedBy";
    public static final String DATA_DISPOSAL = "dataDisposal";
    public static final String DATA_DISPOSED_ON = "dataDisposedOn";
    public static final String DATA_DISPOSAL_NOTE = "dataDisposalNote";
    // revoke-merchant-access: what the merchant granted (shown), what was revoked and when (typed)
    public static final String GRANTED_ACCESS = "grantedAccess";
    public static final String REVOKED_ACCESS = "revokedAccess";
    public static final String ACCESS_REVOKED_ON = "accessRevokedOn";
    // the merchant's choice of return or deletion (PIPL art. 21) and the deletion certificate
    /** What the merchant chose (RETURNED, DELETED), set by its link, by staff in return-or-delete-data or by default. */
    public static final String DATA_CHOICE = "dataChoice";
    /** The choice as staff read it in return-or-delete-data: who chose what, when, and the return format. */
    public static final String DATA_CHOICE_LABEL = "dataChoiceLabel";
    /** The round the merchant's choice link is bound to (1: one choice per contract). */
    public static final String DATA_CHOICE_ROUND = "dataChoiceRound";
    /** When the merchant's choice is due (the data period less a margin); after it, deletion by default. */
    public static final String DATA_CHOICE_DUE_AT = "dataChoiceDueAt";
    /** return-or-delete-data: the merchant's choice as staff record it from its letter or call. */
    public static final String STAFF_DATA_CHOICE = "staffDataChoice";
    /** return-or-delete-data: how and when the merchant told staff its choice (and the return format). */
    public static final String DATA_CHOICE_SOURCE = "dataChoiceSource";
    /** return-or-delete-data: how the data was deleted (删除方式), printed on the deletion certificate. */
    public static final String DATA_DELETION_METHOD = "dataDeletionMethod";
    /**
     * The staff user who completed return-or-delete-data (set by its complete listener, not by a form): the
     * disposal's and the deletion certificate's 登记人, read by ServiceTask_ConfirmDataDisposal's job.
     */
    public static final String DATA_DISPOSAL_RECORDED_BY = "dataDisposalRecordedBy";
    // the monthly SLA figures (event subprocess SubProcess_SlaPeriods)
    /** When the next settlement period's figures are asked: 9:00 on the first working day of the next month. */
    public static final String SLA_FIGURES_ASK_AT = "slaFiguresAskAt";
    /** The period asked (ISO dates); local to each SubProcess_SlaFigures, which waits for that period. */
    public static final String SLA_PERIOD_START = "slaPeriodStart";
    public static final String SLA_PERIOD_END = "slaPeriodEnd";
    /** Whether the asked period's figures were already submitted (then nothing is asked). */
    public static final String SLA_FIGURES_REPORTED = "slaFiguresReported";
    /** How long the customer-service system has to submit, as the timer reads it (P3D: working days). */
    public static final String SLA_FIGURES_WAIT = "slaFiguresWait";
    /** Free-extension days SLA reviews added to the term so far (shown with the term's end). */
    public static final String FREE_EXTENSION_DAYS_TOTAL = "freeExtensionDaysTotal";

    // the refund the final statement owes the merchant (deposit or overpayment)
    /** True when the final statement's providerRefunds is above zero. */
    public static final String REFUND_DUE = "refundDue";
    /** When confirm-refund-paid is due (bpo.refund.confirm-within working days) and goes to managers. */
    public static final String REFUND_CONFIRM_DUE_AT = "refundConfirmDueAt";
    /** confirm-refund-paid: the day the bank paid the refund (not in the future, not before the last service day). */
    public static final String REFUND_PAID_ON = "refundPaidOn";
    /** confirm-refund-paid: the bank's reference of the payment (银行流水号). */
    public static final String REFUND_BANK_REFERENCE = "refundBankReference";

    private Vars() {
    }
  }
}
