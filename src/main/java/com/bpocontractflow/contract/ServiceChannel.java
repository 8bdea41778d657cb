package com.bpocontractflow.contract;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * A channel the merchant's customers ask through, which the agents must answer. The request captures one
 * boolean process variable per channel ({@link #variable()}), so no list variable is needed.
 */
public enum ServiceChannel {
  QIANNIU("channelQianniu", "千牛"),
  JD_DONGDONG("channelJdDongdong", "京东咚咚"),
  DOUDIAN_FEIGE("channelDoudianFeige", "抖店飞鸽"),
  PINDUODUO("channelPinduoduo", "拼多多"),
  PHONE("channelPhone", "电话"),
  WECHAT("channelWechat", "微信");

  private final String variable;
  private final String label;

  ServiceChannel(String variable, String label) {
    this.variable = variable;
    this.label = label;
  }

  /** The boolean variable (and form field) that is true when the merchant wants this channel answered. */
  public String variable() {
    return variable;
  }

  /** What merchants and staff read (zh-CN). */
  public String label() {
    return label;
  }

  /** The variables of all channels, in order. */
  public static String[] variables() {
    return Arrays.stream(values()).map(ServiceChannel::variable).toArray(String[]::new);
  }

  /** The channels ticked in these values, in order. */
  public static List<ServiceChannel> chosen(Map<String, Object> values) {
    return Arrays.stream(values()).filter(c -> Boolean.TRUE.equals(values.get(c.variable))).toList();
  }

  /** The channels ticked, as one zh-CN text ("千牛、电话"), or null when none is. */
  public static String labels(Map<String, Object> values) {
    List<ServiceChannel> chosen = chosen(values);
    return chosen.isEmpty() ? null : String.join("、", chosen.stream().map(ServiceChannel::label).toList());
  }
}
