package com.bpocontractflow.contract;

/**
 * A sales peak for which the merchant wants extra seats. The request states, and the proposal quotes, one
 * whole-number variable per peak ({@link #variable()}): the extra seats needed, 0 for none.
 */
public enum PeakPeriod {
  DOUBLE_11("peakSeatsDouble11", "双十一"),
  MID_YEAR_618("peakSeats618", "618"),
  NEW_YEAR_SHOPPING("peakSeatsNewYear", "年货节");

  private final String variable;
  private final String label;

  PeakPeriod(String variable, String label) {
    this.variable = variable;
    this.label = label;
  }

  /** The variable (and form field) holding the extra seats for this peak. */
  public String variable() {
    return variable;
  }

  /** What merchants and staff read (zh-CN). */
  public String label() {
    return label;
  }
}
