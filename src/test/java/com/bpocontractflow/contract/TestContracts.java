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
    OffsetDateTime now = OffsetDateTime.now();
    return new Contract(id, number, null, status.name(), "杭州小象旗舰店", "ops@xiaoxiang.example.com",
        "王小明", "13800000000", ShopPlatform.TMALL.name(), 5, "售前咨询与售后跟进",
        "售前咨询、订单核对、售后跟进、退款协商", ServiceHours.EXTENDED.name(), BillingModel.PER_SEAT.name(),
        new BigDecimal("6000.00"), 12, 1, "ACCEPTED", null, method.name(), depositAmount,
        DepositHandling.SET_OFF.name(), 1, null, null, "顺丰速运", "SF1234567890", null, null, null, null, null, null, null,
        null, null, null, null, null, now, now);
  }
}
