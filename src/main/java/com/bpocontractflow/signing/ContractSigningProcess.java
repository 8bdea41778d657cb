package com.bpocontractflow.signing;

/**
 * The process backing class of {@code bpmn/contract-signing.bpmn}: its key, element ids, messages and
 * variable names in one place, for delegates and tests alike.
 */
public final class ContractSigningProcess {

  public static final String KEY = "contract-signing";
  public static final String RESOURCE = "bpmn/contract-signing.bpmn";
  /** The DMN table that decides whether a proposal needs managers' approval before it goes out. */
  public static final String APPROVAL_DECISION_RESOURCE = "bpmn/proposal-approval.dmn";

  private ContractSigningProcess() {
  }

  /** User-task ids (the public interface, see README). */
  public static final class Tasks {
    public static final String DRAFT_PROPOSAL = "draft-proposal";
    public static final String APPROVE_PROPOSAL = "approve-proposal";
    public static final String CONFIRM_PROPOSAL = "confirm-proposal";
    public static final String DRAFT_CONTRACT = "draft-contract";
    /** Managers approve again when legal changed what the proposal's approval was given for (issue #11). */
    public static final String APPROVE_CONTRACT_CHANGES = "approve-contract-changes";
    public static final String REVIEW_CLAUSES = "review-clauses";
    public static final String REVISE_CLAUSES = "revise-clauses";
    public static final String SEAL_CONTRACT = "seal-contract";
    public static final String COURIER_CONTRACT = "courier-contract";
    public static final String RECEIVE_COUNTERSIGNED_CONTRACT = "receive-countersigned-contract";
    public static final String COUNTERSIGN_CONTRACT = "countersign-contract";
    public static final String CONFIRM_DEPOSIT = "confirm-deposit";
    public static final String CONDUCT_TRAINING = "conduct-training";
    public static final String ASSESS_TRAINING = "assess-training";
    public static final String AUTHORIZE_SUBACCOUNTS = "authorize-subaccounts";
    public static final String CONFIGURE_CS_SOFTWARE = "configure-cs-software";
    public static final String APPROVE_GO_LIVE = "approve-go-live";
    public static final String ESCALATE_PROPOSAL_ANSWER = "escalate-proposal-answer";
    public static final String ESCALATE_CLAUSE_FEEDBACK = "escalate-clause-feedback";
    public static final String ESCALATE_E_SIGNATURE = "escalate-e-signature";
    public static final String ESCALATE_COUNTERSIGNED_COPY = "escalate-countersigned-copy";
    public static final String ESCALATE_DEPOSIT = "escalate-deposit";
    /** The signing target (request to formation, bpo.signing.target) has passed before both parties signed. */
    public static final String REVIEW_OVERDUE_SIGNING = "review-overdue-signing";
    /** The go-live target (formation to go-live approval, bpo.onboarding.target) has passed. */
    public static final String REVIEW_OVERDUE_GO_LIVE = "review-overdue-go-live";
    /** Paper contracts, once formed: legal archives the sealed original with a scan uploaded beforehand (#17). */
    public static final String ARCHIVE_CONTRACT_ORIGINAL = "archive-contract-original";
    /** Managers, when the original is not archived by its due date. */
    public static final String ESCALATE_ARCHIVE_ORIGINAL = "escalate-archive-original";

    private Tasks() {
    }
  }

  /** Other element ids that tests and delegates refer to. */
  public static final class Elements {
    public static final String START = "StartEvent_ContractRequested";
    public static final String AWAIT_MERCHANT_SIGNATURE = "ReceiveTask_MerchantSigned";
    public static final String AWAIT_DEPOSIT = "SubProcess_AwaitDeposit";
    public static final String DEPOSIT_RECEIVED = "BoundaryEvent_DepositReceived";
    /** From the request to the second signature or seal: the scope the signing target runs on. */
    public static final String SIGNING = "SubProcess_Signing";
    /** Its end: the contract is formed (Civil Code art. 490); each phase before it ended what was still open in it. */
    public static final String END_CONTRACT_FORMED = "EndEvent_ContractFormed";
    public static final String SIGNING_TARGET_MISSED = "BoundaryEvent_SigningTargetMissed";
    /** From formation to the go-live approval: the scope the go-live target runs on. */
    public static final String ONBOARDING = "SubProcess_Onboarding";
    public static final String END_GO_LIVE_APPROVED = "EndEvent_GoLiveApproved";
    public static final String GO_LIVE_TARGET_MISSED = "BoundaryEvent_GoLiveTargetMissed";
    /** Throws the error PROPOSAL_DECLINED, which ends the signing scope and the process at {@link #END_NO_CONTRACT}. */
    public static final String END_PROPOSAL_DECLINED = "EndEvent_ProposalDeclined";
    public static final String END_NO_CONTRACT = "EndEvent_NoContract";
    /** Reached at go-live: the service term runs in {@code contract-term}, called with the business key. */
    public static final String SERVICE_TERM = "CallActivity_ContractTerm";
    public static final String END_CONTRACT_ENDED = "EndEvent_ContractEnded";
    public static final String END_SIGNING_WITHDRAWN = "EndEvent_SigningWithdrawn";
    public static final String RECHECK_APPROVAL = "BusinessRuleTask_RecheckApproval";
    /** When the deposit is settled (or none is due): the merchant's onboarding checklist e-mail. */
    public static final String SEND_ONBOARDING_CHECKLIST = "ServiceTask_SendOnboardingChecklist";
    /**
     * A review round starts here (the contract's next document version, HTML and PDF) and the merchant is
     * mailed the link to it, in one job after the request that led here (asynchronous continuation).
     */
    public static final String SEND_CONTRACT_FOR_REVIEW = "ServiceTask_SendContractForReview";
    /**
     * After the second signature or seal: the final signed copy is made and the merchant mailed its link, in one
     * job after the completion that recorded that signature (asynchronous continuation).
     */
    public static final String MAKE_SIGNED_COPY = "ServiceTask_MakeSignedCopy";

    private Elements() {
    }
  }

  /** Message names (the public interface). */
  public static final class Messages {
    public static final String MERCHANT_SIGNED = "MerchantSigned";
    public static final String DEPOSIT_RECEIVED = "DepositReceived";
    /** Withdrawal (merchant) or cancellation (provider) before the contract is formed. */
    public static final String SIGNING_WITHDRAWN = "SigningWithdrawn";

    private Messages() {
    }
  }

  /** Process variable names. */
  public static final class Vars {
    // set at the start
    public static final String MERCHANT_NAME = "merchantName";
    public static final String MERCHANT_EMAIL = "merchantEmail";
    public static final String CONTACT_PERSON = "contactPerson";
    public static final String CONTACT_PHONE = "contactPhone";
    public static final String SHOP_PLATFORM = "shopPlatform";
    public static final String SEATS = "seats";
    public static final String SERVICE_NEEDS = "serviceNeeds";
    // the merchant's needs as data (issue #17); channels: one boolean each (contract.ServiceChannel),
    // peak periods: the extra seats for each (contract.PeakPeriod, 0 = none)
    public static final String PRODUCT_CATEGORIES = "productCategories";
    public static final String DAILY_INQUIRIES = "dailyInquiries";
    public static final String DAILY_ORDERS = "dailyOrders";
    /** The service hours the merchant asks for; prefills the proposal's {@link #SERVICE_HOURS}. */
    public static final String REQUESTED_SERVICE_HOURS = "requestedServiceHours";
    /** The merchant wants agents on statutory holidays; prefills the proposal's {@link #HOLIDAY_COVERAGE}. */
    public static final String HOLIDAY_COVER_WANTED = "holidayCoverWanted";
    // references kept by the process
    public static final String CONTRACT_ID = "contractId";
    public static final String CONTRACT_NUMBER = "contractNumber";
    // proposal
    public static final String SERVICE_SCOPE = "serviceScope";
    // the itemised quote of the proposal (signing.Quote): prices of its further lines, the stored quote
    // (JSON text) and its validity (an offer with a fixed acceptance period, Civil Code arts. 473, 476, 481)
    /** Price of one extra seat for one peak period (CNY). */
    public static final String PEAK_SEAT_PRICE = "peakSeatPrice";
    /** Monthly fee for agents on statutory holidays (CNY, 0 when included). */
    public static final String HOLIDAY_COVER_FEE = "holidayCoverFee";
    public static final String QUOTE = "quote";
    /** The last day the merchant may accept the quote (yyyy-MM-dd, Beijing). */
    public static final String QUOTE_VALID_UNTIL = "quoteValidUntil";
    /** When the quote expires (ISO date-time, the start of the day after {@link #QUOTE_VALID_UNTIL}): the timer's date. */
    public static final String QUOTE_EXPIRES_AT = "quoteExpiresAt";
    /** The validity date of a quote that expired unanswered, shown in draft-proposal; cleared by the next quote. */
    public static final String QUOTE_EXPIRED_ON = "quoteExpiredOn";
    // the merchant as a party to the contract (draft-contract / revise-clauses; recorded with the clauses)
    public static final String MERCHANT_LEGAL_NAME = "merchantLegalName";
    public static final String MERCHANT_CREDIT_CODE = "merchantCreditCode";
    public static final String MERCHANT_ADDRESS = "merchantAddress";
    public static final String MERCHANT_LEGAL_REPRESENTATIVE = "merchantLegalRepresentative";
    public static final String NOTICE_ADDRESS = "noticeAddress";
    public static final String NOTICE_EMAIL = "noticeEmail";
    public static final String SIGNING_PLACE = "signingPlace";
    public static final String SERVICE_HOURS = "serviceHours";
    public static final String BILLING_MODEL = "billingModel";
    public static final String UNIT_PRICE = "unitPrice";
    public static final String TERM_MONTHS = "termMonths";
    public static final String PROPOSAL_ROUND = "proposalRound";
    public static final String APPROVAL_REASON = "approvalReason";
    public static final String PROPOSAL_APPROVED = "proposalApproved";
    public static final String APPROVAL_COMMENT = "approvalComment";
    public static final String PROPOSAL_DECISION = "proposalDecision";
    public static final String PROPOSAL_COMMENT = "proposalComment";
    // approval holds: what the proposal's approval (or the DMN's "none needed") was given for, as JSON of
    // the values ProposalFacts reads; whether legal changed them since, how, and the managers' answer
    public static final String APPROVED_TERMS = "approvedTerms";
    public static final String APPROVAL_TERMS_CHANGED = "approvalTermsChanged";
    public static final String APPROVAL_CHANGES = "approvalChanges";
    public static final String CHANGES_APPROVED = "changesApproved";
    public static final String CHANGES_APPROVAL_COMMENT = "changesApprovalComment";
    // contract and review
    public static final String SIGNING_METHOD = "signingMethod";
    public static final String DEPOSIT_AMOUNT = "depositAmount";
    public static final String DEPOSIT_HANDLING = "depositHandling";
    /** DINGJIN (定金, arts. 586-588) or PERFORMANCE_BOND (履约保证金); see {@link com.bpocontractflow.contract.DepositKind}. */
    public static final String DEPOSIT_KIND = "depositKind";
    /** 定金 or 履约保证金 as the recorded clauses name it, shown read-only in confirm-deposit. */
    public static final String DEPOSIT_KIND_LABEL = "depositKindLabel";
    /** Inquiries or orders a month, for volume billing: the contract's value on which the 定金 cap is taken. */
    public static final String ESTIMATED_MONTHLY_VOLUME = "estimatedMonthlyVolume";
    public static final String DEPOSIT_REQUIRED = "depositRequired";
    /** The day the deposit is due (yyyy-MM-dd), set when it is requested; the reminders repeat it. */
    public static final String DEPOSIT_DUE_DATE = "depositDueDate";
    // the six key clauses (edited in draft-contract and revise-clauses)
    public static final String DUTY_PRE_SALES = "dutyPreSales";
    public static final String DUTY_ORDER_CHECK = "dutyOrderCheck";
    public static final String DUTY_AFTER_SALES = "dutyAfterSales";
    public static final String DUTY_REFUND = "dutyRefund";
    public static final String HOLIDAY_COVERAGE = "holidayCoverage";
    public static final String FIRST_RESPONSE_MINUTES = "firstResponseMinutes";
    public static final String RESOLUTION_MINUTES = "resolutionMinutes";
    public static final String SATISFACTION_TARGET = "satisfactionTarget";
    public static final String BAD_REVIEW_CEILING = "badReviewCeiling";
    public static final String SLA_ON_TIME_TARGET_PERCENT = "slaOnTimeTargetPercent";
    /** Optional: complaints a calendar month may have; above it, a missed KPI in sla-review (第四条). */
    public static final String MONTHLY_COMPLAINT_CEILING = "monthlyComplaintCeiling";
    public static final String EXTRA_FEES = "extraFees";
    public static final String SETTLEMENT_CYCLE = "settlementCycle";
    public static final String LATE_PAYMENT_RULE = "latePaymentRule";
    public static final String DATA_CATEGORIES = "dataCategories";
    public static final String DATA_PURPOSE = "dataPurpose";
    public static final String DATA_PROTECTION = "dataProtection";
    public static final String NO_SUB_ENTRUSTING = "noSubEntrusting";
    public static final String DATA_RETURN_DAYS = "dataReturnDays";
    public static final String DATA_LEAK_LIABILITY = "dataLeakLiability";
    public static final String SLA_FEE_REDUCTION_PERCENT = "slaFeeReductionPercent";
    public static final String SLA_FREE_EXTENSION_DAYS = "slaFreeExtensionDays";
    public static final String SLA_PENALTY = "slaPenalty";
    public static final String EARLY_TERMINATION_PENALTY = "earlyTerminationPenalty";
    public static final String SETUP_COSTS_REPAID = "setupCostsRepaid";
    /** The provider's penalty for ending the contract without cause before its term (the merchant's is above). */
    public static final String PROVIDER_EARLY_TERMINATION_PENALTY = "providerEarlyTerminationPenalty";
    public static final String TRIAL_DAYS = "trialDays";
    public static final String TRIAL_EXIT_NOTICE_DAYS = "trialExitNoticeDays";
    public static final String RENEWAL_WINDOW_DAYS = "renewalWindowDays";
    public static final String TERMINATION_NOTICE_DAYS = "terminationNoticeDays";
    public static final String NEGOTIATION_DAYS = "negotiationDays";
    public static final String NEGOTIATION_CHANNEL = "negotiationChannel";
    public static final String DISPUTE_FORUM = "disputeForum";
    public static final String FORUM_VENUE = "forumVenue";
    /** Read-only beside the venue in draft-contract / revise-clauses: the places a court may be chosen at (CourtVenues). */
    public static final String FORUM_VENUE_CHOICES = "forumVenueChoices";
    /** For legal in review-clauses / revise-clauses: the court named is not a basic-level court (null when it is). */
    public static final String FORUM_VENUE_WARNING = "forumVenueWarning";
    /** Read-only atop draft-contract / revise-clauses: how the prefilled clauses deviate from the template (ClauseDeviations). */
    public static final String CLAUSE_DEVIATION_SUMMARY = "clauseDeviationSummary";
    public static final String REVIEW_ROUND = "reviewRound";
    public static final String CLAUSES_AGREED = "clausesAgreed";
    public static final String CLAUSE_FEEDBACK = "clauseFeedback";
    public static final String REVISION_SUMMARY = "revisionSummary";
    // paper signing
    public static final String SEALED_BY = "sealedBy";
    public static final String SEALED_DATE = "sealedDate";
    public static final String COURIER_COMPANY = "courierCompany";
    public static final String TRACKING_NUMBER = "trackingNumber";
    /** The day the merchant sealed the paper contract: the contract is formed then (Civil Code art. 490). */
    public static final String MERCHANT_SEALED_DATE = "merchantSealedDate";
    public static final String COUNTERSIGNED_RECEIVED_DATE = "countersignedReceivedDate";
    public static final String COUNTERSIGNED_COPY_CHECKED = "countersignedCopyChecked";
    // the paper original's archive (archive-contract-original)
    /** The SHA-256 of the scan of the sealed original, set by the staff upload page (not a form field). */
    public static final String ORIGINAL_SCAN_SHA256 = "originalScanSha256";
    /** The staff upload page of the scan, shown on the task's form (a local variable of the task). */
    public static final String ORIGINAL_SCAN_PAGE = "originalScanPage";
    /** Where the sealed original is kept (archive box, cabinet, location). */
    public static final String ARCHIVE_LOCATION = "archiveLocation";
    // electronic signing
    public static final String SIGNER_NAME = "signerName";
    public static final String SIGNER_IP = "signerIp";
    public static final String SIGNER_USER_AGENT = "signerUserAgent";
    public static final String SIGNED_DOCUMENT_SHA256 = "signedDocumentSha256";
    public static final String ROUND_CHANGES = "roundChanges";
    public static final String SIGNED_DOCUMENT_VERSION = "signedDocumentVersion";
    /** How the signing page identified the signer (one-time code, masked address) and when (ISO date-time). */
    public static final String SIGNER_IDENTIFICATION = "signerIdentification";
    public static final String SIGNER_IDENTIFIED_AT = "signerIdentifiedAt";
    /** SignerAuthority: legal representative, or authorised signatory with a power of attorney. */
    public static final String SIGNER_AUTHORITY = "signerAuthority";
    public static final String SIGNER_AUTHORITY_DOCUMENT_SHA256 = "signerAuthorityDocumentSha256";
    public static final String RETURN_COURIER_COMPANY = "returnCourierCompany";
    public static final String RETURN_TRACKING_NUMBER = "returnTrackingNumber";
    /** Who gave an answer recorded through a merchant link. */
    public static final String ANSWERED_BY = "answeredBy";
    // SigningWithdrawn
    public static final String WITHDRAWN_BY = "withdrawnBy";
    public static final String WITHDRAWAL_REASON = "withdrawalReason";
    public static final String COUNTERSIGNED_BY = "countersignedBy";
    public static final String COUNTERSIGN_CONFIRMED = "countersignConfirmed";
    // deposit
    public static final String DEPOSIT_RECEIVED_AMOUNT = "depositReceivedAmount";
    public static final String PAYMENT_REFERENCE = "paymentReference";
    public static final String DEPOSIT_PAID_TOTAL = "depositPaidTotal";
    public static final String DEPOSIT_PAID_IN_FULL = "depositPaidInFull";
    // onboarding
    public static final String TRAINED_AGENTS = "trainedAgents";
    public static final String TRAINING_NOTES = "trainingNotes";
    public static final String ASSESSMENT_SCORE = "assessmentScore";
    public static final String TRAINING_PASSED = "trainingPassed";
    public static final String SUBACCOUNT_COUNT = "subaccountCount";
    public static final String SUBACCOUNTS_AUTHORIZED = "subaccountsAuthorized";
    public static final String CS_SOFTWARE = "csSoftware";
    public static final String CS_SOFTWARE_CONFIGURED = "csSoftwareConfigured";
    public static final String GO_LIVE_DATE = "goLiveDate";
    public static final String GO_LIVE_APPROVED = "goLiveApproved";
    /** Shown read-only in the onboarding tasks: what the merchant marked as provided on its checklist page. */
    public static final String MERCHANT_PROVISIONS = "merchantProvisions";
    // escalations
    public static final String ESCALATION_ACTION = "escalationAction";
    /** What an escalation does (EscalationChoice), with the fields that choice needs. */
    public static final String ESCALATION_CHOICE = "escalationChoice";
    public static final String EXTEND_WORKING_DAYS = "extendWorkingDays";
    public static final String REASSIGN_TO = "reassignTo";
    public static final String CANCELLATION_REASON = "cancellationReason";
    // service-task inputs
    public static final String MAIL_TEMPLATE = "mailTemplate";

    private Vars() {
    }
  }
}
