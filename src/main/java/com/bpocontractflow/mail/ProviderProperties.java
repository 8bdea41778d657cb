package com.bpocontractflow.mail;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code bpo.base-url} and {@code bpo.provider-name}: who we are and where our pages live. The base URL as
 * configured, blank when not set: links take it from {@link PublicBaseUrl}, which then uses the port the
 * application actually runs on.
 */
@ConfigurationProperties("bpo")
public record ProviderProperties(
    String baseUrl,
    @DefaultValue("星海客服外包服务有限公司") String providerName) {
}
