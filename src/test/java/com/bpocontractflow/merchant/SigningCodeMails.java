package com.bpocontractflow.merchant;

import static org.assertj.core.api.Assertions.assertThat;

import com.bpocontractflow.mail.MailOutbox;
import com.bpocontractflow.mail.OutboxMail;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The one-time signing code as the merchant reads it in the newest code e-mail of a contract. */
public final class SigningCodeMails {

  static final Pattern CODE = Pattern.compile("本次签署的验证码是：(\\d{6})");

  private SigningCodeMails() {
  }

  /** The newest code e-mail of the contract. */
  public static OutboxMail latest(MailOutbox outbox, String contractNumber) {
    List<OutboxMail> mails = outbox.findByContract(contractNumber).stream()
        .filter(m -> m.template().equals("SIGNING_CODE")).toList();
    assertThat(mails).as("code e-mails of %s", contractNumber).isNotEmpty();
    return mails.stream().max(java.util.Comparator.comparingLong(OutboxMail::id)).orElseThrow();
  }

  /** The code in the newest code e-mail of the contract, from its text part (the HTML part says the same). */
  public static String code(MailOutbox outbox, String contractNumber) {
    OutboxMail mail = latest(outbox, contractNumber);
    Matcher text = CODE.matcher(mail.bodyText());
    assertThat(text.find()).as("code in the text part").isTrue();
    assertThat(mail.bodyHtml()).contains(">" + text.group(1) + "</p>");
    return text.group(1);
  }
}
