package com.bpocontractflow.contract;

/** A party to the contract: the merchant (甲方) or the provider (乙方). */
public enum Party {
  MERCHANT("商家（甲方）"),
  PROVIDER("服务方（乙方）");

  private final String label;

  Party(String label) {
    this.label = label;
  }

  public String label() {
    return label;
  }
}
