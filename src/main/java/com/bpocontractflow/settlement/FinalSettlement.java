package com.bpocontractflow.settlement;

import com.bpocontractflow.contract.DepositHandling;
import java.math.BigDecimal;
import java.util.List;

/**
 * The final statement of a contract: what the merchant still owes (fees up to the last day of service,
 * unpaid invoices, penalties) and what happens to the deposit — refunded in full at the end, or set off
 * against the amount owed, the rest refunded when the deposit is larger.
 */
public record FinalSettlement(
    BigDecimal fees,
    BigDecimal unpaidInvoices,
    BigDecimal penalties,
    BigDecimal deposit,
    DepositHandling depositHandling,
    BigDecimal amountOwed,
    BigDecimal depositSetOff,
    BigDecimal merchantPays,
    BigDecimal providerRefunds) {

  /** Builds the statement; every amount is in CNY with two decimals. */
  public static FinalSettlement of(BigDecimal fees, BigDecimal unpaidInvoices, List<BigDecimal> penalties,
      BigDecimal deposit, DepositHandling handling) {
    BigDecimal penaltyTotal = penalties.stream().map(Money::yuan).reduce(Money.ZERO, BigDecimal::add);
    BigDecimal owed = Money.yuan(fees).add(Money.yuan(unpaidInvoices)).add(penaltyTotal);
    BigDecimal held = Money.yuan(deposit);
    BigDecimal setOff = handling == DepositHandling.SET_OFF ? owed.min(held) : Money.ZERO;
    BigDecimal pays = owed.subtract(setOff);
    BigDecimal refunds = held.subtract(setOff);
    return new FinalSettlement(Money.yuan(fees), Money.yuan(unpaidInvoices), penaltyTotal, held, handling, owed, setOff,
        pays, refunds);
  }
}
