package com.bpocontractflow.retention;

import java.time.Period;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code bpo.retention.*}: how long after a contract's end its personal data is kept (PIPL arts. 19 and 47),
 * how long the signer's IP address and user agent stay with the signature evidence, and when the job runs.
 * See docs/personal-data.md.
 */
@ConfigurationProperties("bpo.retention")
public record RetentionProperties(
    /** Whether this node runs the scheduled job (every node may: contracts are claimed one by one). */
    @DefaultValue("true") boolean enabled,
    /** Contact data, the outbox and the links are anonymised or deleted this long after the contract's end. */
    @DefaultValue("P180D") Period personalDataAfterEnd,
    /** The signer's IP address and user agent are removed this long after the end (limitation period). */
    @DefaultValue("P3Y") Period signingEvidenceAfterEnd,
    /** When the job runs (Spring cron, second minute hour day month weekday), in China time. */
    @DefaultValue("0 30 2 * * *") String cron) {

  public RetentionProperties {
    if (personalDataAfterEnd.isNegative() || signingEvidenceAfterEnd.isNegative()) {
      throw new IllegalArgumentException("bpo.retention periods must not be negative");
    }
  }
}
