package com.bpocontractflow.mail;

/** The e-mails a merchant receives; each has a template pair under templates/mail/ and a subject. */
public enum MerchantMail {
  REQUEST_RECEIVED("request-received", "您的客服外包需求已收到"),
  PROPOSAL("proposal", "客服外包服务方案与报价（第 %s 版）"),
  CONTRACT_FOR_REVIEW("contract-for-review", "请审阅客服外包合同（第 %s 轮）"),
  SIGNING_INSTRUCTIONS("signing-instructions", "合同签署说明（%s）"),
  SIGNING_CODE("signing-code", "电子签署验证码"),
  CONTRACT_COURIERED("contract-couriered", "合同已寄出，快递单号 %s"),
  SIGNED_COPY("signed-copy", "合同已签署：签署完成稿（第 %s 版）"),
  DEPOSIT_REQUEST("deposit-request", "%s付款通知"),
  DEPOSIT_SHORT("deposit-short", "已收到部分%s，尚欠 %s 元"),
  GO_LIVE("go-live", "客服服务正式上线通知"),
  ONBOARDING_CHECKLIST("onboarding-checklist", "上线准备清单：请准备并登记上线所需的资料和授权"),
  ONBOARDING_CHECKLIST_REMINDER("onboarding-checklist", "提醒：上线准备清单尚有 %s 项未提供"),
  REMINDER("reminder", "第 %s 次提醒：%s"),
  // the service term, service levels and disputes: one layout, texts composed by the step (MailNotice)
  TRIAL_EXIT("notice", "试用期退出确认：服务至 %s 结束"),
  RENEWAL_TALKS("notice", "合同将于 %s 到期：续签协商"),
  RENEWED("notice", "合同已续签至 %s"),
  NOTICE_ACKNOWLEDGED("notice", "解约通知回执：服务至 %s 结束"),
  PROVIDER_NOTICE("notice", "解约通知：服务至 %s 结束"),
  NOTICE_REPEATED("notice", "再次收到解约通知：服务仍至 %s 结束"),
  FINAL_STATEMENT("notice", "最终结算单"),
  REFUND_PAID("refund-paid", "退款已支付：%s 元"),
  DATA_CHOICE("notice", "请选择服务结束后返还或删除客户数据（%s 前）"),
  DATA_DISPOSED("notice", "客户数据已%s"),
  SLA_STATEMENT("notice", "服务水平评估结算单（%s 至 %s）"),
  DISPUTE_OPENED("notice", "纠纷协商安排（协商期限至 %s）"),
  DISPUTE_SETTLED("notice", "纠纷已协商解决"),
  DISPUTE_ESCALATED("notice", "纠纷协商未果，将提交%s"),
  DISPUTE_FILED("notice", "纠纷已提交%s"),
  SIGNING_WITHDRAWN("notice", "已确认：贵司已撤回签约"),
  SIGNING_CANCELLED("notice", "签约已取消");

  private final String template;
  private final String subject;

  MerchantMail(String template, String subject) {
    this.template = template;
    this.subject = subject;
  }

  public String template() {
    return template;
  }

  /** The subject, always led by the contract number. */
  public String subject(String contractNumber, Object... arguments) {
    return "【合同编号 " + contractNumber + "】" + String.format(subject, arguments);
  }
}
