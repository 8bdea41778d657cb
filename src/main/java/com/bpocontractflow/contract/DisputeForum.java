package com.bpocontractflow.contract;

/** The one forum of a dispute clause: arbitration or litigation, never both. */
public enum DisputeForum {
  ARBITRATION("仲裁"),
  LITIGATION("诉讼");

  private final String label;

  DisputeForum(String label) {
    this.label = label;
  }

  /** What merchants and staff read (zh-CN). */
  public String label() {
    return label;
  }
}
