package com.bpocontractflow.merchant;

/** What a link is worth when it is opened, and what the merchant is told when it is worth nothing. */
public enum LinkStatus {
  VALID(200, null, null),
  UNKNOWN(404, "链接无效", "这个链接不存在或已被改动。请使用邮件中的原始链接，或直接回复邮件联系我们。"),
  EXPIRED(410, "链接已过期", "这个链接已超过有效期。请直接回复邮件联系我们，我们会重新发送。"),
  USED(409, "链接已使用", "这个链接已经提交过答复，不能重复使用。如需修改，请直接回复邮件联系我们。"),
  /**
   * A proposal's answer link after the quote's last day: the offer has lapsed (Civil Code art. 481), sales
   * quotes again (the process is back at draft-proposal).
   */
  QUOTE_EXPIRED(410, "报价已过期", "这份服务方案的报价已超过有效期，不能再在线接受或答复。我们的销售人员会为您重新报价，"
      + "新的方案将发送到您的邮箱；如有疑问，请直接回复邮件联系我们。"),
  OUTDATED(409, "该事项已处理", "这个链接对应的事项已经处理完毕，或已有更新的版本。请以最新一封邮件为准。");

  private final int httpStatus;
  private final String title;
  private final String explanation;

  LinkStatus(int httpStatus, String title, String explanation) {
    this.httpStatus = httpStatus;
    this.title = title;
    this.explanation = explanation;
  }

  public int httpStatus() {
    return httpStatus;
  }

  public String title() {
    return title;
  }

  public String explanation() {
    return explanation;
  }
}
