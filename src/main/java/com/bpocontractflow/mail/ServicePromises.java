package com.bpocontractflow.mail;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code bpo.service.*}: what our own texts promise the merchant, in concrete terms (never the vague
 * wording refused in contracts, see {@code VaguePhrases}). {@code reply-working-days}: we reply to a
 * request or an answer within this many working days; it is a promise the provider must keep.
 */
@ConfigurationProperties("bpo.service")
public record ServicePromises(@DefaultValue("1") int replyWorkingDays) {

  public ServicePromises {
    if (replyWorkingDays < 1 || replyWorkingDays > 30) {
      throw new IllegalArgumentException("bpo.service.reply-working-days must be 1 to 30 working days");
    }
  }
}
