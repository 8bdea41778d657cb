package com.bpocontractflow.mail;

import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * {@code bpo.provider.bank.*}: the provider's account the merchant pays the deposit to, stated in the
 * deposit request, its reminders and the short-payment notice. Nothing is assumed: the account is named
 * only when all three values are configured; otherwise the e-mails leave it out and say
 * 收款账户请以我方财务书面通知为准 (finance tells the merchant in writing), and a warning is logged at start. An
 * account number that is set but is not digits, spaces and dashes stops the start: a wrong number would
 * send money elsewhere.
 */
@ConfigurationProperties("bpo.provider.bank")
public record PayeeAccount(String accountName, String bankName, String accountNumber) {

  private static final Logger LOG = LoggerFactory.getLogger(PayeeAccount.class);
  private static final Pattern ACCOUNT_NUMBER = Pattern.compile("^[0-9][0-9 -]{4,38}[0-9]$");

  public PayeeAccount {
    accountName = trimmed(accountName);
    bankName = trimmed(bankName);
    accountNumber = trimmed(accountNumber);
    if (accountNumber != null && !ACCOUNT_NUMBER.matcher(accountNumber).matches()) {
      throw new IllegalArgumentException(
          "bpo.provider.bank.account-number must be 6 to 40 digits, optionally grouped by spaces or dashes");
    }
    List<String> missing = new ArrayList<>();
    if (accountName == null) {
      missing.add("account-name");
    }
    if (bankName == null) {
      missing.add("bank-name");
    }
    if (accountNumber == null) {
      missing.add("account-number");
    }
    if (!missing.isEmpty()) {
      LOG.warn("bpo.provider.bank.{} not set: deposit e-mails name no account and say 收款账户请以我方财务书面通知为准",
          String.join(", bpo.provider.bank.", missing));
    }
  }

  /** True when the account can be stated: name, bank and number are all configured. */
  public boolean known() {
    return accountName != null && bankName != null && accountNumber != null;
  }

  private static String trimmed(String value) {
    return value == null || value.isBlank() ? null : value.trim();
  }
}
