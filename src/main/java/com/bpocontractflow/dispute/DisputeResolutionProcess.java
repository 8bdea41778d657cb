package com.bpocontractflow.dispute;

/** The public interface of {@code dispute-resolution}: key, start form, tasks and variables. */
public final class DisputeResolutionProcess {

  public static final String KEY = "dispute-resolution";
  public static final String RESOURCE = "bpmn/dispute-resolution.bpmn";
  public static final String START_FORM = "dispute-report";

  private DisputeResolutionProcess() {
  }

  public static final class Tasks {
    public static final String NEGOTIATE_DISPUTE = "negotiate-dispute";
    public static final String FILE_WITH_FORUM = "file-with-forum";

    private Tasks() {
    }
  }

  public static final class Vars {
    public static final String RAISED_BY = "raisedBy";
    public static final String DISPUTE_DESCRIPTION = "disputeDescription";
    public static final String DISPUTE_ID = "disputeId";
    public static final String NEGOTIATION_DAYS = "negotiationDays";
    public static final String NEGOTIATION_CHANNEL = "negotiationChannel";
    public static final String NEGOTIATE_UNTIL = "negotiateUntil";
    public static final String NEGOTIATE_UNTIL_AT = "negotiateUntilAt";
    public static final String DISPUTE_FORUM = "disputeForum";
    public static final String FORUM_VENUE = "forumVenue";
    public static final String FORUM_ACTION = "forumAction";
    public static final String DISPUTE_OUTCOME = "disputeOutcome";
    public static final String SETTLEMENT_TERMS = "settlementTerms";
    public static final String NEGOTIATION_NOTES = "negotiationNotes";
    public static final String FILED_ON = "filedOn";
    public static final String CASE_REFERENCE = "caseReference";

    private Vars() {
    }
  }
}
