package com.bpocontractflow.term;

import static com.bpocontractflow.term.ServiceTermProcess.Vars.*;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.bpocontractflow.common.Clocks;
import com.bpocontractflow.signing.ContractSigningProcess;
import com.bpocontractflow.signing.SigningInputRules;
import com.bpocontractflow.validation.InputRules;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * #17: confirm-refund-paid takes the day the bank paid (not in the future, not before the service ended) and
 * its reference; archive-contract-original takes where the original is kept and needs the scan's hash, which
 * only the upload page sets.
 */
class RefundAndArchiveRulesTest {

  static final InputRules REFUND = ServiceInputRules.forStep(ServiceTermProcess.Tasks.CONFIRM_REFUND_PAID);
  static final InputRules ARCHIVE = SigningInputRules.forStep(ContractSigningProcess.Tasks.ARCHIVE_CONTRACT_ORIGINAL);

  static Map<String, Object> refund(Object paidOn, Object reference) {
    Map<String, Object> values = new HashMap<>();
    values.put(LAST_SERVICE_DAY, Clocks.today().minusDays(10).toString());
    values.put(REFUND_PAID_ON, paidOn);
    values.put(REFUND_BANK_REFERENCE, reference);
    return values;
  }

  @Test
  void shouldTakeAPaymentDayBetweenTheLastServiceDayAndTodayAndABankReference() {
    assertThat(REFUND.problems(refund(Clocks.today().toString(), "ICBC-0042"))).isEmpty();
    assertThat(REFUND.problems(refund(Clocks.today().minusDays(10).toString(), "0042"))).isEmpty();
    assertThat(REFUND.problems(refund(Clocks.today().plusDays(1).toString(), "ICBC-0042")))
        .containsExactly("「最终结算·退款支付日期」不能晚于今天");
    assertThat(REFUND.problems(refund(Clocks.today().minusDays(11).toString(), "ICBC-0042")))
        .containsExactly("「最终结算·退款支付日期」不能早于最后服务日");
    assertThat(REFUND.problems(refund(null, "  "))).containsExactly("请填写「最终结算·退款支付日期」",
        "请填写「最终结算·银行流水号」");
    assertThat(REFUND.problems(refund(Clocks.today().toString(), "042")))
        .containsExactly("「最终结算·银行流水号」至少需要 4 个字");
    assertThat(REFUND.problems(refund(Clocks.today().toString(), "<b>0042</b>")))
        .containsExactly("「最终结算·银行流水号」不能包含 < 或 >");
  }

  @Test
  void shouldArchiveOnlyWithALocationAndTheUploadedScansHash() {
    String location = ContractSigningProcess.Vars.ARCHIVE_LOCATION;
    String sha256 = ContractSigningProcess.Vars.ORIGINAL_SCAN_SHA256;
    assertThat(ARCHIVE.problems(Map.of(location, "法务部档案柜 B-3", sha256, "0f".repeat(32)))).isEmpty();
    assertThat(ARCHIVE.problems(Map.of(location, "法务部档案柜 B-3"))).containsExactly(
        "「合同原件·盖章原件扫描件」尚未上传：请先打开上传页面上传盖章原件的扫描件（PDF、JPG 或 PNG），再完成本任务");
    assertThat(ARCHIVE.problems(Map.of(location, "法务部档案柜 B-3", sha256, "not a hash")))
        .containsExactly("「合同原件·盖章原件扫描件」无效，请重新上传");
    assertThat(ARCHIVE.problems(Map.of(sha256, "0f".repeat(32))))
        .containsExactly("请填写「合同原件·存放位置（档案盒编号和位置）」");
  }

  @Test
  void shouldRefuseARefundConfirmationPeriodThatIsNotPositive() {
    assertThat(RefundProperties.DEFAULT.confirmWithin()).isEqualTo(java.time.Duration.ofDays(5));
    assertThatThrownBy(() -> new RefundProperties(java.time.Duration.ZERO))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("bpo.refund.confirm-within");
  }
}
