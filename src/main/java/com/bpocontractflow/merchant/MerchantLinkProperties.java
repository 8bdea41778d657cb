package com.bpocontractflow.merchant;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** {@code bpo.links.*}: how long a link in a merchant e-mail stays valid. */
@ConfigurationProperties("bpo.links")
public record MerchantLinkProperties(@DefaultValue("P14D") Duration validity) {
}
