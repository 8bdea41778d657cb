package com.bpocontractflow.pipeline;

import com.bpocontractflow.contract.ContractStatus;
import java.util.Optional;

/** The stages of the managers' pipeline (合同看板), from the contract's status. */
public enum Stage {
  NEEDS_AND_PROPOSAL("需求与方案"),
  CONTRACT_REVIEW("合同审阅"),
  SIGNING("签署"),
  DEPOSIT("定金或履约保证金"),
  ONBOARDING("培训与对接"),
  LIVE("已上线/服务期"),
  TERMINATING("解约中");

  private final String label;

  Stage(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }

  /** The stage of an open contract; empty for one that has ended (declined, withdrawn, ended, closed). */
  public static Optional<Stage> of(ContractStatus status) {
    return Optional.ofNullable(switch (status) {
      case REQUESTED, PROPOSAL_SENT, PROPOSAL_REVISION -> NEEDS_AND_PROPOSAL;
      case DRAFTING, IN_REVIEW, IN_REVISION -> CONTRACT_REVIEW;
      case SIGNING -> SIGNING;
      case SIGNED -> DEPOSIT;
      case DEPOSIT_PAID -> ONBOARDING;
      case LIVE -> LIVE;
      case TERMINATING -> TERMINATING;
      case PROPOSAL_DECLINED, ENDED, CLOSED, WITHDRAWN, CANCELLED -> null;
    });
  }
}
