package com.bpocontractflow.settlement;

import static org.assertj.core.api.Assertions.assertThat;

import com.bpocontractflow.contract.BillingModel;
import com.bpocontractflow.contract.Contract;
import com.bpocontractflow.contract.DepositHandling;
import com.bpocontractflow.contract.Party;
import com.bpocontractflow.contract.SigningMethod;
import com.bpocontractflow.contract.TestContracts;
import java.math.BigDecimal;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The contract's value for the 定金 cap: the version's clauses first, the contract row for what they lack. */
class ContractValueTest {

  /** PER_SEAT, 6,000.00 per seat and month, 5 seats, 12 months: 360,000.00. */
  private final Contract row = TestContracts.contract(1, "BPO-2026-000001", new BigDecimal("1000"), SigningMethod.PAPER);

  @Test
  void fromTheContractRowWhenTheClausesSayNothing() {
    assertThat(ContractValue.of(Map.of(), row)).isEqualByComparingTo("360000.00");
  }

  @Test
  void eachClauseOverridesTheRow() {
    assertThat(ContractValue.of(Map.of("unitPrice", "5000"), row)).isEqualByComparingTo("300000.00");
    assertThat(ContractValue.of(Map.of("termMonths", 6), row)).isEqualByComparingTo("180000.00");
    assertThat(ContractValue.of(Map.of("seats", "2"), row)).isEqualByComparingTo("144000.00");
    assertThat(ContractValue.of(Map.of("billingModel", "FIXED_MONTHLY", "unitPrice", "8000.50"), row))
        .isEqualByComparingTo("96006.00");
  }

  @Test
  void volumeBillingNeedsAnEstimate() {
    Map<String, Object> clauses = new HashMap<>(Map.of("billingModel", "PER_INQUIRY", "unitPrice", "1.50"));
    assertThat(ContractValue.of(clauses, row)).isNull();
    clauses.put("estimatedMonthlyVolume", 10000);
    assertThat(ContractValue.of(clauses, row)).isEqualByComparingTo("180000.00");
  }

  @Test
  void noValueWithoutPriceOrTerm() {
    Contract noPrice = TestContracts.contract(2, "BPO-2026-000002", null, SigningMethod.PAPER,
        BillingModel.PER_SEAT, null, DepositHandling.SET_OFF);
    assertThat(ContractValue.of(Map.of(), noPrice)).isNull();
    assertThat(ContractValue.of(Map.of("unitPrice", "100"), noPrice)).isEqualByComparingTo("6000.00");
  }

  @Test
  void whoDefeatedThePurpose() {
    assertThat(PurposeDefeatedBy.of(null)).isEqualTo(PurposeDefeatedBy.NONE);
    assertThat(PurposeDefeatedBy.of(" ")).isEqualTo(PurposeDefeatedBy.NONE);
    assertThat(PurposeDefeatedBy.of("MERCHANT").party()).isEqualTo(Party.MERCHANT);
    assertThat(PurposeDefeatedBy.of("PROVIDER").party()).isEqualTo(Party.PROVIDER);
    assertThat(PurposeDefeatedBy.NONE.party()).isNull();
    assertThat(PurposeDefeatedBy.PROVIDER.label()).startsWith("服务方（乙方）违约");
  }
}
