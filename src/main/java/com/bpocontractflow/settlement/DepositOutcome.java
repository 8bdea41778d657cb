package com.bpocontractflow.settlement;

/** What the final statement did with the money the merchant paid after signing, and under which rule. */
public enum DepositOutcome {
  /** 履约保证金 (or a contract recorded before the kind existed): refunded or set off, no 定金罚则. */
  SECURITY_RETURNED_OR_SET_OFF,
  /** 定金 agreed but nothing paid: a 定金 takes effect only when paid (art. 586), so there is none. */
  DINGJIN_NOT_PAID,
  /** 定金 on performance or on a termination the contract allows: credited or returned (art. 587). */
  DINGJIN_CREDITED_OR_RETURNED,
  /** The merchant's breach defeated the contract's purpose: the 定金 is not returned (art. 587). */
  DINGJIN_FORFEITED,
  /** As {@link #DINGJIN_FORFEITED}, and the 定金 rather than the penalty agreed for the same breach applies (art. 588). */
  DINGJIN_FORFEITED_INSTEAD_OF_PENALTY,
  /** The merchant's breach defeated the purpose; the penalty rather than the 定金 applies (art. 588), the 定金 is credited or returned. */
  PENALTY_INSTEAD_OF_DINGJIN,
  /** The provider's breach defeated the contract's purpose: the provider returns double the 定金 (art. 587). */
  DINGJIN_RETURNED_DOUBLE,
  /**
   * The provider's breach defeated the purpose; its early-termination penalty rather than the double return
   * applies (art. 588, the merchant's choice), the 定金 is credited or returned.
   */
  PENALTY_INSTEAD_OF_DOUBLE_RETURN
}
