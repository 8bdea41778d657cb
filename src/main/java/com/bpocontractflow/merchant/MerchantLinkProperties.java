package com.bpocontractflow.merchant;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code bpo.links.*}: how long a link in a merchant e-mail stays valid; {@code signed-copy-validity} for the
 * read-only download link of the final signed copy (about ten years by default: the merchant keeps the e-mail
 * as its copy; the retention job deletes the link earlier, with the contract's personal data).
 */
@ConfigurationProperties("bpo.links")
public record MerchantLinkProperties(@DefaultValue("P14D") Duration validity,
    @DefaultValue("P3653D") Duration signedCopyValidity) {
}
