package com.bpocontractflow.signing;

import com.bpocontractflow.contract.BillingModel;
import java.math.BigDecimal;
import java.util.EnumMap;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code bpo.pricing.floor.*}: the lowest unit price per billing model (CNY) a proposal may quote without
 * a manager's approval. The approval rules themselves are the DMN table {@code proposal-approval}.
 */
@ConfigurationProperties("bpo.pricing")
public record PricingProperties(Map<BillingModel, BigDecimal> floor) {

  static final Map<BillingModel, BigDecimal> DEFAULT_FLOORS = Map.of(
      BillingModel.PER_SEAT, new BigDecimal("4000"),
      BillingModel.PER_INQUIRY, new BigDecimal("1.50"),
      BillingModel.PER_ORDER, new BigDecimal("0.80"),
      BillingModel.FIXED_MONTHLY, new BigDecimal("20000"),
      BillingModel.FIXED_YEARLY, new BigDecimal("200000"));

  public PricingProperties {
    Map<BillingModel, BigDecimal> floors = new EnumMap<>(DEFAULT_FLOORS);
    if (floor != null) {
      floors.putAll(floor);
    }
    floor = Map.copyOf(floors);
  }

  public BigDecimal floorFor(BillingModel model) {
    return floor.get(model);
  }
}
