package com.bpocontractflow.term;

/**
 * The public interface of {@code register-termination-notice}: legal or a manager records, in Tasklist, a
 * written termination notice for one contract (the merchant's, received by post, e-mail or in person; or
 * the provider's own, which the application mails to the merchant's notice address). Its variables are
 * those of the message {@code TerminationNoticeReceived} ({@link ServiceTermProcess.Vars}) plus the
 * contract number and, for the provider's notice, how it was delivered.
 */
public final class NoticeRegistrationProcess {

  public static final String KEY = "register-termination-notice";
  public static final String RESOURCE = "bpmn/register-termination-notice.bpmn";
  public static final String START_FORM = "register-termination-notice";

  private NoticeRegistrationProcess() {
  }

  public static final class Elements {
    public static final String RECORD_NOTICE = "ServiceTask_RecordNotice";
    public static final String NOTICE_RECORDED = "EndEvent_NoticeRecorded";

    private Elements() {
    }
  }
}
