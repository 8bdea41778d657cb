package com.bpocontractflow.signing;

/** What a manager does with an escalated wait (form {@code escalation}, field {@code escalationChoice}). */
public enum EscalationChoice {
  /** Only the measure taken (a call, a visit) is recorded. */
  RECORD("仅记录处理措施"),
  /** The merchant gets the reminder of the wait now, with its answer link. */
  REMIND("再次提醒"),
  /** The wait escalates again N working days later instead of now. */
  EXTEND("延长等待"),
  /** The wait's open staff task goes to another member of its team. */
  REASSIGN("转交"),
  /** The provider cancels before the contract is formed (message SigningWithdrawn, withdrawnBy PROVIDER). */
  CANCEL("取消合同");

  /** The longest extension at a time, in working days. */
  public static final int MAX_EXTENSION_DAYS = 30;

  private final String label;

  EscalationChoice(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
