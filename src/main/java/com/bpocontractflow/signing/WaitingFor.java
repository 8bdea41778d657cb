package com.bpocontractflow.signing;

import java.util.Optional;

/**
 * The waits of {@code contract-signing} on the merchant, each with its reminder cycle and escalation
 * timer in the model.
 */
public enum WaitingFor {
  PROPOSAL_ANSWER("confirm-proposal", "ProposalAnswer", "对服务方案的答复"),
  CLAUSE_FEEDBACK("review-clauses", "ClauseFeedback", "对合同条款的审阅意见"),
  E_SIGNATURE("ReceiveTask_MerchantSigned", "ESignature", "电子合同签署"),
  COUNTERSIGNED_COPY("receive-countersigned-contract", "CountersignedCopy", "盖章后回寄的纸质合同"),
  DEPOSIT("SubProcess_AwaitDeposit", "Deposit", "定金或履约保证金付款");

  private final String hostActivityId;
  private final String key;
  private final String label;

  WaitingFor(String hostActivityId, String key, String label) {
    this.hostActivityId = hostActivityId;
    this.key = key;
    this.label = label;
  }

  /** The activity that waits (user task, receive task or sub-process). */
  public String hostActivityId() {
    return hostActivityId;
  }

  public String reminderTimerId() {
    return "BoundaryEvent_" + key + "ReminderDue";
  }

  public String escalationTimerId() {
    return "BoundaryEvent_" + key + "EscalationDue";
  }

  public String reminderTaskId() {
    return "ServiceTask_Remind" + key;
  }

  /** The wait whose reminder task is {@code activityId}, if it is one. */
  public static Optional<WaitingFor> ofReminderTask(String activityId) {
    for (WaitingFor waitingFor : values()) {
      if (waitingFor.reminderTaskId().equals(activityId)) {
        return Optional.of(waitingFor);
      }
    }
    return Optional.empty();
  }

  /** What the merchant owes us, in zh-CN. */
  public String label() {
    return label;
  }
}
