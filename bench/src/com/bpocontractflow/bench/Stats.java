package com.bpocontractflow.bench;

import java.util.Arrays;
import java.util.List;

/** Percentiles of a set of samples (milliseconds), nearest-rank. */
record Stats(int samples, double p50, double p95, double max) {

  static Stats of(List<Double> millis) {
    double[] sorted = millis.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    return new Stats(sorted.length, rank(sorted, 0.50), rank(sorted, 0.95), sorted[sorted.length - 1]);
  }

  static double median(List<Double> values) {
    return rank(values.stream().mapToDouble(Double::doubleValue).sorted().toArray(), 0.50);
  }

  private static double rank(double[] sorted, double quantile) {
    int index = (int) Math.ceil(quantile * sorted.length) - 1;
    return sorted[Math.max(0, Math.min(sorted.length - 1, index))];
  }

  @Override
  public String toString() {
    return String.format("p50 %.1f ms, p95 %.1f ms (n=%d)", p50, p95, samples);
  }

  static String fmt(double value) {
    return String.format("%.1f", value);
  }

  static double[] copy(double[] values) {
    return Arrays.copyOf(values, values.length);
  }
}
