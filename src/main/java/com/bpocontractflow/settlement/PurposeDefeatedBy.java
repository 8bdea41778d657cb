package com.bpocontractflow.settlement;

import com.bpocontractflow.contract.Party;

/**
 * Whose breach made the contract's purpose impossible to achieve (Civil Code art. 587), as finance records
 * it in the final settlement of a contract with a 定金. Expiry, a trial exit and a termination by notice
 * that the contract allows are no such breach.
 */
public enum PurposeDefeatedBy {
  NONE("无（合同履行完毕或按合同约定解除）", null),
  MERCHANT("商家（甲方）违约致使不能实现合同目的", Party.MERCHANT),
  PROVIDER("服务方（乙方）违约致使不能实现合同目的", Party.PROVIDER);

  private final String label;
  private final Party party;

  PurposeDefeatedBy(String label, Party party) {
    this.label = label;
    this.party = party;
  }

  public String label() {
    return label;
  }

  /** The breaching party, or null for {@link #NONE}. */
  public Party party() {
    return party;
  }

  /** The value a form or REST call set; NONE when it set none. */
  public static PurposeDefeatedBy of(Object value) {
    return value instanceof String name && !name.isBlank() ? valueOf(name) : NONE;
  }
}
