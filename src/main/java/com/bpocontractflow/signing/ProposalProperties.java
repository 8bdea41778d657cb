package com.bpocontractflow.signing;

import java.time.Period;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code bpo.proposal.validity}: how long a sent quote may be accepted, in calendar days from the day it is
 * sent (default 14 days, e.g. {@code 14d} or {@code P14D}). The quote states the last day; it is an offer
 * with a fixed period for acceptance (Civil Code arts. 476 (1), 481).
 */
@ConfigurationProperties("bpo.proposal")
public record ProposalProperties(@DefaultValue("14d") Period validity) {

  public ProposalProperties {
    if (validity == null || validity.toTotalMonths() != 0 || validity.getDays() < 1 || validity.getDays() > 90) {
      throw new IllegalArgumentException("bpo.proposal.validity must be 1 to 90 calendar days, e.g. 14d");
    }
  }
}
