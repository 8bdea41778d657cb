package com.bpocontractflow.signing;

import static org.assertj.core.api.Assertions.assertThat;

import com.bpocontractflow.contract.BillingModel;
import com.bpocontractflow.coverage.DmnRuleCoverage;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.camunda.bpm.dmn.engine.DmnEngine;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The DMN table proposal-approval, row by row (every row reached), and the facts it is given. */
class ProposalApprovalDecisionTest {

  @RegisterExtension
  static final DmnRuleCoverage RULES = new DmnRuleCoverage();
  static DmnEngine dmn;
  static DmnDecision decision;

  @BeforeAll
  static void parse() throws Exception {
    dmn = RULES.engine();
    try (InputStream in = Files.newInputStream(Path.of(ContractSigningProcess.APPROVAL_DECISION_RESOURCE))) {
      decision = dmn.parseDecision("proposal-approval", in);
    }
  }

  static String reason(Double unitPrice, Double floor, Double depositMonths, Integer termMonths,
      Integer firstResponseMinutes, Double satisfactionTarget) {
    Map<String, Object> facts = new HashMap<>();
    facts.put("slaFirstResponseMinutes", firstResponseMinutes);
    facts.put("slaSatisfactionTarget", satisfactionTarget);
    facts.put("quoteUnitPrice", unitPrice);
    facts.put("priceFloor", floor);
    facts.put("depositMonths", depositMonths);
    facts.put("quoteTermMonths", termMonths);
    return dmn.evaluateDecisionTable(decision, facts).getSingleResult().getSingleEntry();
  }

  @ParameterizedTest(name = "price {0}, floor {1}, deposit {2} months, term {3}, first reply {4} min, satisfaction {5} % -> \"{6}\"")
  @CsvSource(delimiter = '|', nullValues = "null", emptyValue = "", textBlock = """
      3999.99 | 4000 | 1.0  | 12 | 5    | 90   | 单价低于价格底线
      3999.99 | 4000 | 0    | 3  | 1    | 99   | 单价低于价格底线
      4000    | 4000 | 0    | 12 | 5    | 90   | 免收定金
      4000    | 4000 | 0    | 36 | 5    | 90   | 免收定金
      4000    | 4000 | 0.99 | 12 | 5    | 90   | 定金少于一个月服务费
      4000    | 4000 | null | 5  | 5    | 90   | 合同期限短于 6 个月
      4000    | 4000 | 1.0  | 25 | 5    | 90   | 合同期限超过 24 个月
      4000    | 4000 | 1.0  | 12 | 1    | 90   | 首次响应承诺短于 2 分钟
      4000    | 4000 | 1.0  | 12 | 11   | 99   | 首次响应承诺长于 10 分钟
      4000    | 4000 | 1.0  | 12 | 2    | 95.5 | 客户满意度承诺高于 95%
      4000    | 4000 | 1.0  | 12 | 10   | 84.9 | 客户满意度承诺低于 85%
      4000    | 4000 | 1.0  | 6  | 2    | 85   | ''
      4000    | 4000 | null | 24 | 10   | 95   | ''
      4500    | 4000 | 2.5  | 12 | 5    | 90   | ''
      4500    | 4000 | 2.5  | 12 | null | null | ''
      """)
  void shouldNameTheFirstReasonForApprovalOrNone(Double price, Double floor, Double depositMonths, Integer term,
      Integer firstResponse, Double satisfaction, String expected) {
    assertThat(reason(price, floor, depositMonths, term, firstResponse, satisfaction))
        .isEqualTo(expected.equals("''") ? "" : expected);
  }

  @ParameterizedTest(name = "{0} at {1}, {2} seats, deposit {3} -> {4} months")
  @CsvSource(delimiter = '|', nullValues = "null", textBlock = """
      PER_SEAT      | 4500   | 5 | 22500  | 1.0
      PER_SEAT      | 4500   | 5 | 11250  | 0.5
      FIXED_MONTHLY | 20000  | 9 | 40000  | 2.0
      FIXED_YEARLY  | 240000 | 9 | 20000  | 1.0
      PER_INQUIRY   | 2      | 5 | 5000   | null
      PER_ORDER     | 1      | 5 | 0      | 0.0
      """)
  void shouldExpressTheDepositInMonthsOfFees(BillingModel model, BigDecimal price, long seats, BigDecimal deposit,
      Double months) {
    assertThat(ProposalFacts.depositMonths(model, price, seats, deposit)).isEqualTo(months);
  }

  @ParameterizedTest(name = "default floor for {0} is {1}")
  @CsvSource({"PER_SEAT, 4000", "PER_INQUIRY, 1.50", "PER_ORDER, 0.80", "FIXED_MONTHLY, 20000", "FIXED_YEARLY, 200000"})
  void shouldHaveADefaultFloorForEveryBillingModel(BillingModel model, BigDecimal floor) {
    assertThat(new PricingProperties(null).floorFor(model)).isEqualByComparingTo(floor);
    assertThat(new PricingProperties(Map.of(model, BigDecimal.ONE)).floorFor(model)).isEqualByComparingTo("1");
  }
}
