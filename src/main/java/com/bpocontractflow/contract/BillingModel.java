package com.bpocontractflow.contract;

/** How the service is billed. */
public enum BillingModel {
  PER_SEAT("按座席计费"),
  PER_INQUIRY("按咨询量计费"),
  PER_ORDER("按订单计费"),
  FIXED_MONTHLY("固定月费"),
  FIXED_YEARLY("固定年费");

  private final String label;

  BillingModel(String label) {
    this.label = label;
  }

  /** What merchants and staff read (zh-CN). */
  public String label() {
    return label;
  }
}
