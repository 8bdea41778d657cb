package com.bpocontractflow.contract;

/** Where a contract stands; kept on the contract record for reports and pages outside the engine. */
public enum ContractStatus {
  REQUESTED("已收到需求"),
  PROPOSAL_SENT("服务方案已发送"),
  PROPOSAL_REVISION("服务方案修改中"),
  PROPOSAL_DECLINED("服务方案未获接受"),
  DRAFTING("合同起草中"),
  IN_REVIEW("合同审阅中"),
  IN_REVISION("合同条款修改中"),
  SIGNING("合同签署中"),
  SIGNED("合同已签署"),
  DEPOSIT_PAID("定金或履约保证金已付清"),
  LIVE("已正式上线"),
  TERMINATING("解约通知期"),
  ENDED("服务已结束"),
  CLOSED("合同已结束，数据已处理"),
  /** The merchant withdrew before the contract was formed. */
  WITHDRAWN("商家已撤回签约"),
  /** The provider cancelled before the contract was formed. */
  CANCELLED("服务方已取消签约");

  private final String label;

  ContractStatus(String label) {
    this.label = label;
  }

  /**
   * Whether the signing is still open and the contract not yet formed: before the last signature or seal
   * (Civil Code art. 490).
   */
  public boolean openBeforeFormation() {
    return switch (this) {
      case REQUESTED, PROPOSAL_SENT, PROPOSAL_REVISION, DRAFTING, IN_REVIEW, IN_REVISION, SIGNING -> true;
      default -> false;
    };
  }

  public String label() {
    return label;
  }
}
