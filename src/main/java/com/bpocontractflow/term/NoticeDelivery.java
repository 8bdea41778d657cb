package com.bpocontractflow.term;

/** How the provider's own termination notice reached the merchant (recorded with the notice). */
public enum NoticeDelivery {
  /** The application e-mails it now to the notice e-mail of the contract (its date of receipt is today). */
  EMAIL("本系统发送电子邮件至合同约定的送达邮箱"),
  POST("邮寄（快递或挂号信）至合同约定的送达地址"),
  IN_PERSON("当面递交");

  private final String label;

  NoticeDelivery(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
