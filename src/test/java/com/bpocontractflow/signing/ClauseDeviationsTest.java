package com.bpocontractflow.signing;

import static org.assertj.core.api.Assertions.assertThat;

import com.bpocontractflow.signing.ContractSigningProcess.Vars;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The summary at the top of draft-contract and revise-clauses: what the prefilled clauses change. */
class ClauseDeviationsTest {

  @Test
  void shouldSayTheClausesFollowTheStandardTemplateWhenNothingDeviates() {
    Map<String, Object> contract = SigningInputRulesTest.validDraft();
    assertThat(ClauseDeviations.summary(contract)).isEqualTo("与标准模板一致");
    // as the form sends them back: numbers as numbers or texts, the same value
    contract.put(Vars.SATISFACTION_TARGET, 90);
    contract.put(Vars.FIRST_RESPONSE_MINUTES, "5");
    contract.put(Vars.EXTRA_FEES, " 无 ");
    assertThat(ClauseDeviations.summary(contract)).isEqualTo("与标准模板一致");
  }

  @Test
  void shouldListEachDeviatingClauseFieldWithTheStandardInTheContractsOrder() {
    Map<String, Object> contract = new HashMap<>(SigningInputRulesTest.validDraft());
    contract.put(Vars.TERMINATION_NOTICE_DAYS, 60);
    contract.put(Vars.FIRST_RESPONSE_MINUTES, 10L);
    contract.put(Vars.HOLIDAY_COVERAGE, false);
    contract.put(Vars.DEPOSIT_KIND, "DINGJIN");
    contract.put(Vars.SETTLEMENT_CYCLE, "QUARTERLY");
    contract.put(Vars.SATISFACTION_TARGET, "92.5");
    contract.remove(Vars.NEGOTIATION_CHANNEL);

    assertThat(ClauseDeviations.summary(contract).split("\n")).containsExactly(
        "第一条 节假日值守：否（标准：是）",
        "第一条 首次响应时效（分钟）：10（标准：5）",
        "第一条 客户满意度目标（%）：92.5（标准：90）",
        "第二条 定金或履约保证金：定金（标准：履约保证金）",
        "第二条 结算周期：季结（标准：月结）",
        "第五条 解约书面通知期（天）：60（标准：30）",
        "第六条 协商渠道：未填写（标准：双方指定联系人以电子邮件书面协商）");
  }

  @Test
  void shouldNameThePreSalesDutyByItsOwnName() {
    Map<String, Object> contract = new HashMap<>(SigningInputRulesTest.validDraft());
    contract.put(Vars.DUTY_PRE_SALES, false);
    assertThat(ClauseDeviations.summary(contract)).isEqualTo("第一条 售前咨询：否（标准：是）");
  }
}
