package com.bpocontractflow.contract;

/**
 * When the agents answer. The labels say nothing about holidays: whether the agents work on statutory
 * holidays is the clause field {@code holidayCoverage} alone, so the two can never contradict each other.
 */
public enum ServiceHours {
  DAYTIME("每日 9:00-18:00"),
  EXTENDED("每日 8:00-24:00"),
  ROUND_THE_CLOCK("7×24 小时");

  private final String label;

  ServiceHours(String label) {
    this.label = label;
  }

  /** What merchants and staff read (zh-CN). */
  public String label() {
    return label;
  }
}
