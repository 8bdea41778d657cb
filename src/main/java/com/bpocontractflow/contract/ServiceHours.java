package com.bpocontractflow.contract;

/** When the agents answer. */
public enum ServiceHours {
  DAYTIME("每日 9:00-18:00"),
  EXTENDED("每日 8:00-24:00（含节假日值守）"),
  ROUND_THE_CLOCK("7×24 小时（含节假日）");

  private final String label;

  ServiceHours(String label) {
    this.label = label;
  }

  /** What merchants and staff read (zh-CN). */
  public String label() {
    return label;
  }
}
