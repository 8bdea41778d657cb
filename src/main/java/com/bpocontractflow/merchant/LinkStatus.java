package com.bpocontractflow.merchant;

/** What a link is worth when it is opened, and what the merchant is told when it is worth nothing. */
public enum LinkStatus {
  VALID(200, null, null),
  UNKNOWN(404, "链接无效", "这个链接不存在或已被改动。请使用邮件中的原始链接，或直接回复邮件联系我们。"),
  EXPIRED(410, "链接已过期", "这个链接已超过有效期。请直接回复邮件联系我们，我们会重新发送。"),
  USED(409, "链接已使用", "这个链接已经提交过答复，不能重复使用。如需修改，请直接回复邮件联系我们。"),
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
