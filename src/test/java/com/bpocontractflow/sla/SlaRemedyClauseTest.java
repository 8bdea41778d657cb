package com.bpocontractflow.sla;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.bpocontractflow.signing.ClauseRules;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.camunda.bpm.dmn.engine.DmnDecision;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The remedy clause of 第四条 is worded from the rows of {@code sla-compensation} and the contract's amounts:
 * for every shortfall, the item the clause states for it names the remedy the DMN engine decides, with the
 * amounts the review proposes.
 */
class SlaRemedyClauseTest {

  static Map<String, Object> clauses(String reductionPercent, int extensionDays, String penalty) {
    Map<String, Object> clauses = new HashMap<>(ClauseRules.standardTemplate());
    clauses.put("slaFeeReductionPercent", reductionPercent);
    clauses.put("slaFreeExtensionDays", extensionDays);
    clauses.put("slaPenalty", penalty);
    return clauses;
  }

  @Test
  void shouldStateOneSentenceWhenEveryShortfallGivesTheSameRemedy() {
    // the standard template: 5 % off, no free days, no penalty — every row of the table gives 5 % off
    SlaRemedyClause clause = SlaRemedyClause.of(SlaTestTables.shipped(), clauses("5", 0, "0"));

    assertThat(clause.text()).isEqualTo("乙方某一结算周期的服务未达到第一条约定标准的，当期服务费减免 5%。");
    assertThat(clause.items()).singleElement().extracting(SlaRemedyClause.Item::citation)
        .isEqualTo("合同第四条（服务未达标的责任）：任一指标未达标，当期服务费减免 5%");
  }

  @Test
  void shouldLeaveTheClauseOutWhenTheContractSetsNoRemedy() {
    SlaRemedyClause clause = SlaRemedyClause.of(SlaTestTables.shipped(), clauses("0", 0, "0.00"));

    assertThat(clause.any()).isFalse();
    assertThat(clause.text()).isNull();
  }

  @Test
  void shouldStateWhichRemedyForWhichShortfallInTheTablesOrder() {
    SlaRemedyClause clause = SlaRemedyClause.of(SlaTestTables.shipped(), clauses("5", 7, "3000"));

    assertThat(clause.text()).isEqualTo("乙方某一结算周期的服务未达到第一条约定标准的，按下列情形中最先符合的一项承担责任"
        + "（指标指第一条约定的首次响应、问题解决、客户满意度、差评率四项；差距指一项指标的实际值低于约定标准的百分点数，"
        + "差评率为高于约定上限的百分点数）："
        + "（一）三项及以上指标未达标的，当期服务费减免 5%，乙方免费延长服务 7 天，乙方向甲方支付违约金人民币 3,000.00 元；"
        + "（二）任一指标的差距达到或超过 10 个百分点的，当期服务费减免 5%，乙方向甲方支付违约金人民币 3,000.00 元；"
        + "（三）两项指标未达标的，当期服务费减免 5%，乙方免费延长服务 7 天；"
        + "（四）一项指标未达标的，当期服务费减免 5%。");
  }

  @Test
  void shouldJoinNeighbouringRowsWithTheSameRemedyAndLeaveOutWhatIsZero() {
    SlaRemedyClause clause = SlaRemedyClause.of(SlaTestTables.shipped(), clauses("5", 0, "2000"));

    assertThat(clause.text()).endsWith("："
        + "（一）三项及以上指标未达标，或者任一指标的差距达到或超过 10 个百分点的，当期服务费减免 5%，乙方向甲方支付违约金人民币 2,000.00 元；"
        + "（二）两项指标未达标，或者一项指标未达标的，当期服务费减免 5%。");
    assertThat(clause.text()).doesNotContain("0 天", "人民币 0", "减免 0%");
  }

  @Test
  void shouldStateARowWithoutRemedyThatComesBeforeOneWithARemedy() {
    // 10 points off on one KPI gives nothing here, while two missed KPIs give 7 free days: leaving the
    // row out would let a reader think two KPIs missed by 12 points give the free days
    SlaRemedyClause clause = SlaRemedyClause.of(SlaTestTables.shipped(), clauses("0", 7, "0"));

    assertThat(clause.text()).endsWith("："
        + "（一）三项及以上指标未达标的，乙方免费延长服务 7 天；"
        + "（二）任一指标的差距达到或超过 10 个百分点的，乙方不承担本项责任；"
        + "（三）两项指标未达标的，乙方免费延长服务 7 天。");
  }

  /** (a): what the clause states for a shortfall is what the DMN engine decides, with the review's amounts. */
  @ParameterizedTest(name = "{0} missed, worst shortfall {1} -> {2}, item {3}")
  @CsvSource({
      "1, 0, FEE_REDUCTION, （四）",
      "1, 2, FEE_REDUCTION, （四）",
      "1, 9.999, FEE_REDUCTION, （四）",
      "1, 10, REDUCTION_AND_PENALTY, （二）",
      "2, 3.5, REDUCTION_AND_EXTENSION, （三）",
      "2, 10, REDUCTION_AND_PENALTY, （二）",
      "3, 0.5, FULL, （一）",
      "4, 60, FULL, （一）",
  })
  void shouldStateForEveryShortfallTheRemedyTheTableDecides(int missed, double shortfall, SlaRemedy remedy,
      String item) throws Exception {
    Map<String, Object> clauses = clauses("5", 7, "3000");
    DmnDecision decision = SlaCompensationDecisionTest.decision();
    String decided = SlaCompensationDecisionTest.DMN.evaluateDecisionTable(decision,
        Map.of("missedKpis", missed, "worstShortfall", shortfall)).getSingleResult().getSingleEntry();
    SlaRemedyTable table = SlaTestTables.shipped();
    SlaRemedyTable.Row row = table.firstMatch(missed, BigDecimal.valueOf(shortfall)).orElseThrow();
    SlaRemedyClause.Item stated = SlaRemedyClause.of(table, clauses).itemFor(row).orElseThrow();

    assertThat(decided).isEqualTo(remedy.name());
    assertThat(row.remedy()).isEqualTo(remedy);
    assertThat(stated.number()).isEqualTo(item);
    assertThat(stated.remedy()).isEqualTo(SlaRemedyClause.Amounts.of(remedy, clauses).parts());
    assertThat(SlaRemedyClause.of(table, clauses).text()).contains(item + stated.condition() + "的，"
        + String.join("，", stated.remedy()));
  }

  @Test
  void shouldReadEveryRowOfTheShippedTable() {
    assertThat(SlaTestTables.shipped().rows()).extracting(SlaRemedyTable.Row::remedy)
        .containsExactly(SlaRemedy.NONE, SlaRemedy.FULL, SlaRemedy.REDUCTION_AND_PENALTY,
            SlaRemedy.REDUCTION_AND_EXTENSION, SlaRemedy.FEE_REDUCTION);
  }

  @Test
  void shouldRefuseATableTheContractCannotState() throws Exception {
    String dmn = Files.readString(Path.of(SlaReviewProcess.DECISION_RESOURCE), StandardCharsets.UTF_8)
        .replace("<inputEntry id=\"UnaryTests_TwoMissed_Missed\"><text>2</text>",
            "<inputEntry id=\"UnaryTests_TwoMissed_Missed\"><text>not(1, 3)</text>");
    try (InputStream in = new ByteArrayInputStream(dmn.getBytes(StandardCharsets.UTF_8))) {
      assertThatThrownBy(() -> SlaRemedyTable.parse(in)).isInstanceOf(IllegalArgumentException.class)
          .hasMessageContaining("Rule_TwoMissed").hasMessageContaining("not(1, 3)");
    }
  }
}
