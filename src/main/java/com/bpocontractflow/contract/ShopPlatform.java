package com.bpocontractflow.contract;

/** The merchant's shop platform. */
public enum ShopPlatform {
  TAOBAO("淘宝"),
  TMALL("天猫"),
  JD("京东"),
  PDD("拼多多"),
  DOUYIN("抖音"),
  OTHER("其他");

  private final String label;

  ShopPlatform(String label) {
    this.label = label;
  }

  /** What merchants and staff read (zh-CN). */
  public String label() {
    return label;
  }
}
