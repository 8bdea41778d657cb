package com.bpocontractflow.term;

import static com.bpocontractflow.term.ServiceTermProcess.Vars.*;
import static org.assertj.core.api.Assertions.assertThat;

import com.bpocontractflow.merchant.MerchantAnswers;
import com.bpocontractflow.validation.InputRules;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/**
 * The data clause at the end (PIPL arts. 21, 47): staff carry out the merchant's choice only, record a
 * choice the merchant gave them, state how data was deleted; the merchant's own answer needs the format of
 * a return; the choice is due a margin before the data.
 */
class DataDisposalRulesTest {

  static final InputRules TASK = ServiceInputRules.forStep(ServiceTermProcess.Tasks.RETURN_OR_DELETE_DATA);

  static Map<String, Object> values(Object... pairs) {
    Map<String, Object> values = new HashMap<>(Map.of(LAST_SERVICE_DAY, "2025-04-09", DATA_DISPOSED_ON, "2025-04-12",
        DATA_DISPOSAL_NOTE, "子账号已注销，核验人：张运维"));
    for (int i = 0; i < pairs.length; i += 2) {
      values.put((String) pairs[i], pairs[i + 1]);
    }
    return values;
  }

  @Test
  void shouldLetStaffCarryOutOnlyTheRecordedChoice() {
    assertThat(TASK.problems(values(DATA_CHOICE, "RETURNED", DATA_DISPOSAL, "RETURNED"))).isEmpty();
    assertThat(TASK.problems(values(DATA_CHOICE, "RETURNED", DATA_DISPOSAL, "DELETED",
        DATA_DELETION_METHOD, "客服系统数据库记录删除并覆盖"))).containsExactly(
        "「处理方式」与商家的选择不符：商家选择了“返还”，只能登记“返还”（合同第三条、《个人信息保护法》第二十一条：按委托方的选择返还或删除）");
    // the default deletion binds as a choice does
    assertThat(TASK.problems(values(DATA_CHOICE, "DELETED", DATA_DISPOSAL, "RETURNED"))).hasSize(1);
  }

  @Test
  void shouldNotLetStaffChangeARecordedChoice() {
    assertThat(TASK.problems(values(DATA_CHOICE, "DELETED", DATA_CHOICE_LABEL, "甲方于 2027年3月10日 通过邮件链接选择：删除",
        STAFF_DATA_CHOICE, "RETURNED", DATA_DISPOSAL, "DELETED", DATA_DELETION_METHOD, "客服系统数据库记录删除并覆盖")))
        .containsExactly("「合同第三条·商家的选择（商家来函或来电告知时由员工登记）」商家的选择已登记为“删除”"
            + "（甲方于 2027年3月10日 通过邮件链接选择：删除），不能更改");
    assertThat(TASK.problems(values(DATA_CHOICE, "DELETED", STAFF_DATA_CHOICE, "DELETED", DATA_DISPOSAL, "DELETED",
        DATA_DELETION_METHOD, "客服系统数据库记录删除并覆盖"))).isEmpty();
  }

  @Test
  void shouldRequireTheMerchantsChoiceAndItsSourceWhenStaffRecordIt() {
    assertThat(TASK.problems(values(DATA_DISPOSAL, "RETURNED"))).containsExactly(
        "请填写「合同第三条·商家的选择（商家来函或来电告知时由员工登记）」",
        "请填写「商家告知选择的方式和日期（如来函、电话）及返还要求」");
    assertThat(TASK.problems(values(STAFF_DATA_CHOICE, "DELETED", DATA_CHOICE_SOURCE, "4月1日来电",
        DATA_DISPOSAL, "RETURNED"))).singleElement().asString().contains("商家选择了“删除”，只能登记“删除”");
    assertThat(TASK.problems(values(STAFF_DATA_CHOICE, "RETURNED", DATA_CHOICE_SOURCE, "4月1日来函，要求 Excel",
        DATA_DISPOSAL, "RETURNED"))).isEmpty();
  }

  @Test
  void shouldRequireASpecificDeletionMethod() {
    assertThat(TASK.problems(values(DATA_CHOICE, "DELETED", DATA_DISPOSAL, "DELETED")))
        .containsExactly("请填写「删除方式（写明删除了哪些系统中的数据、如何删除，备份如何处理）」");
    assertThat(TASK.problems(values(DATA_CHOICE, "DELETED", DATA_DISPOSAL, "DELETED", DATA_DELETION_METHOD, "已删除")))
        .containsExactly("「删除方式（写明删除了哪些系统中的数据、如何删除，备份如何处理）」至少需要 10 个字");
  }

  @Test
  void shouldRequireTheFormatOfAReturnTheMerchantChooses() {
    assertThat(MerchantAnswers.DATA_CHOICE_ANSWER.problems(Map.of(DATA_CHOICE, "RETURNED")))
        .containsExactly("请填写「合同第三条·返还的数据格式和交付方式」");
    assertThat(MerchantAnswers.DATA_CHOICE_ANSWER.problems(Map.of(DATA_CHOICE, "DELETED"))).isEmpty();
    assertThat(MerchantAnswers.DATA_CHOICE_ANSWER.problems(Map.of(DATA_CHOICE, "KEEP"))).hasSize(1);
  }

  @ParameterizedTest(name = "{1} days after {0}: choose by {2}")
  @CsvSource({"2027-04-09, 30, 2027-05-02", "2027-04-09, 14, 2027-04-16", "2027-04-09, 10, 2027-04-14",
      "2027-04-09, 1, 2027-04-09", "2027-04-09, 90, 2027-07-01"})
  void shouldDueTheChoiceAMarginBeforeTheData(LocalDate lastServiceDay, int dataReturnDays, LocalDate due) {
    assertThat(DataDisposals.choiceDue(lastServiceDay, dataReturnDays)).isEqualTo(due);
  }
}
