package com.bpocontractflow.term;

import static com.bpocontractflow.term.ServiceTermProcess.Vars.*;
import static org.assertj.core.api.Assertions.assertThat;

import com.bpocontractflow.common.Clocks;
import com.bpocontractflow.security.FormFields;
import com.bpocontractflow.validation.InputRules;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The start form of register-termination-notice is checked on the server by the message's own rules. */
class NoticeRegistrationRulesTest {

  final InputRules rules = ServiceInputRules.forStep(NoticeRegistrationProcess.START_FORM);

  static Map<String, Object> notice(String party, LocalDate received) {
    Map<String, Object> v = new HashMap<>();
    v.put("contractNumber", "BPO-2027-000001");
    v.put(NOTICE_PARTY, party);
    v.put(NOTICE_RECEIVED_DATE, received.toString());
    v.put(TERMINATION_REASON, "店铺转型，不再需要外包客服");
    return v;
  }

  @Test
  void shouldCheckEveryFieldOfTheStartFormWithTheRulesOfTheMessage() {
    FormFields.Form form = FormFields.get().startForm(NoticeRegistrationProcess.KEY).orElseThrow();

    assertThat(form.id()).isEqualTo(NoticeRegistrationProcess.START_FORM);
    assertThat(rules.keys()).containsAll(form.editable());
    assertThat(form.editable()).containsExactlyInAnyOrder("contractNumber", NOTICE_PARTY, NOTICE_RECEIVED_DATE,
        NOTICE_DELIVERY, TERMINATION_REASON, TERMINATION_WITH_CAUSE);
    // the very rule objects of TerminationNoticeReceived, not a copy
    assertThat(rules.rules()).containsAll(ServiceTerm.NOTICE.rules());
  }

  @Test
  void shouldAskHowTheProvidersNoticeWasDeliveredAndDateAnEmailedOneToday() {
    LocalDate today = Clocks.today();
    assertThat(rules.problems(notice("MERCHANT", today))).isEmpty();
    assertThat(rules.problems(notice("PROVIDER", today))).containsExactly("请填写「我方通知的送达方式」");

    Map<String, Object> emailed = notice("PROVIDER", today);
    emailed.put(NOTICE_DELIVERY, "EMAIL");
    assertThat(rules.problems(emailed)).isEmpty();
    emailed.put(NOTICE_RECEIVED_DATE, today.minusDays(1).toString());
    assertThat(rules.problems(emailed)).singleElement().asString().startsWith("「我方通知的送达方式」")
        .contains("「通知送达日期」必须是今天", "第一百三十七条");

    Map<String, Object> posted = notice("PROVIDER", today.minusDays(3));
    posted.put(NOTICE_DELIVERY, "POST");
    assertThat(rules.problems(posted)).isEmpty();
    posted.put(NOTICE_DELIVERY, "PIGEON");
    assertThat(rules.problems(posted)).singleElement().asString().contains("我方通知的送达方式");
  }

  @Test
  void shouldRefuseAFutureDateAndABadContractNumberAsTheMessageAndTheOtherStartFormsDo() {
    Map<String, Object> tomorrow = notice("MERCHANT", Clocks.today().plusDays(1));
    tomorrow.put("contractNumber", "bpo 1");

    assertThat(rules.problems(tomorrow)).anySatisfy(p -> assertThat(p).contains("合同编号"))
        .anySatisfy(p -> assertThat(p).isEqualTo("「通知送达日期（noticeReceivedDate）」不能晚于今天"));
  }
}
