package com.bpocontractflow.contract;

import java.util.Map;
import java.util.Optional;

/**
 * The legal kind of the money the merchant pays after signing, chosen by legal per contract
 * ({@code depositKind}). The two are never mixed in one contract.
 * <ul>
 * <li>{@link #DINGJIN} 定金 (Civil Code arts. 586-588): takes effect when paid, at most 20 % of the
 * contract's value; credited or returned on performance; forfeited by the merchant, or returned double by
 * the provider, after a breach that defeats the contract's purpose; with a penalty also agreed the
 * non-breaching party applies one of the two.</li>
 * <li>{@link #PERFORMANCE_BOND} 履约保证金: security for performance, refunded or set off at the end; no
 * 定金罚则. Contracts recorded before the kind existed are settled this way.</li>
 * </ul>
 */
public enum DepositKind {
  DINGJIN("定金"),
  PERFORMANCE_BOND("履约保证金");

  private final String label;

  DepositKind(String label) {
    this.label = label;
  }

  /** What merchants and staff read (zh-CN): the legal name of the kind. */
  public String label() {
    return label;
  }

  /** What merchants read before legal has chosen the kind (the proposal). */
  public static final String UNDECIDED_LABEL = "定金或履约保证金";

  /**
   * The name of the money the merchant pays after signing, as the contract's latest clauses call it, so
   * that e-mails and pages never say 定金 of a 履约保证金 (Civil Code art. 586: only money agreed as 定金 is
   * 定金): the chosen kind's label; {@link #UNDECIDED_LABEL} before any clauses (the proposal); 定金 for a
   * contract recorded before the kind existed, whose document called it so.
   */
  public static String labelOf(Optional<Map<String, Object>> latestClauses) {
    if (latestClauses.isEmpty()) {
      return UNDECIDED_LABEL;
    }
    DepositKind kind = of(latestClauses.get().get("depositKind"));
    return kind == null ? DINGJIN.label() : kind.label();
  }

  /** The kind a clause value names, or null when it names none (a contract recorded before the kind existed). */
  public static DepositKind of(Object value) {
    return value == null || value.toString().isBlank() ? null : valueOf(value.toString());
  }
}
