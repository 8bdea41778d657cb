package com.bpocontractflow.merchant;

import java.time.OffsetDateTime;

/** A stored link: the token's hash and what it is bound to. */
public record MerchantLink(
    long id,
    String tokenHash,
    long contractId,
    String processInstanceId,
    String step,
    int round,
    OffsetDateTime createdAt,
    OffsetDateTime expiresAt,
    OffsetDateTime usedAt,
    String usedFromIp) {

  public MerchantStep stepValue() {
    return MerchantStep.valueOf(step);
  }
}
