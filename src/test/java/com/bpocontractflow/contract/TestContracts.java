package com.bpocontractflow.contract;

import java.math.BigDecimal;
import java.time.OffsetDateTime;

/** Contract records for tests that do not use the database. */
public final class TestContracts {

  private TestContracts() {
  }

  public static Contract contract(long id, String number, BigDecimal depositAmount, SigningMethod method) {
    return contract(id, number, depositAmount, method, ContractStatus.IN_REVIEW);
  }

  public static Contract contract(long id, String number, BigDecimal depositAmount, SigningMethod method,
      ContractStatus status) {
    return contract(id, number, depositAmount, method, status, BillingModel.PER_SEAT, new BigDecimal("6000.00"),
        DepositHandling.SET_OFF);
  }

  /** 5 seats, 12 months, in review, billed and handling the deposit as given. */
  public static Contract contract(long id, String number, BigDecimal depositAmount, SigningMethod method,
      BillingModel billing, BigDecimal unitPrice, DepositHandling handling) {
    return contract(id, number, depositAmount, method, ContractStatus.IN_REVIEW, billing, unitPrice, handling);
  }

  private static Contract contract(long id, String number, BigDecimal depositAmount, SigningMethod method,
      ContractStatus status, BillingModel billing, BigDecimal unitPrice, DepositHandling handling) {
    OffsetDateTime now = OffsetDateTime.now();
    return new Contract(id, number, null, status.name(), "杭州小象旗舰店", "ops@xiaoxiang.example.com",
        "王小明", "13800000000", ShopPlatform.TMALL.name(), 5, "售前咨询与售后跟进",
        "售前咨询、订单核对、售后跟进、退款协商", ServiceHours.EXTENDED.name(), billing.name(),
        unitPrice, 12, 1, "ACCEPTED", null, method.name(), depositAmount,
        handling.name(), 1, null, null, "顺丰速运", "SF1234567890", null, null, null, null, null, null, null,
        null, null, null, null, null, now, now);
  }
}
