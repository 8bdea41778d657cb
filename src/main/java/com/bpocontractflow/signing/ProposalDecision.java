package com.bpocontractflow.signing;

/** The merchant's answer to a proposal. */
public enum ProposalDecision {
  ACCEPTED("接受"),
  REVISION_REQUESTED("要求修改"),
  DECLINED("拒绝");

  private final String label;

  ProposalDecision(String label) {
    this.label = label;
  }

  /** What merchants and staff read (zh-CN). */
  public String label() {
    return label;
  }
}
