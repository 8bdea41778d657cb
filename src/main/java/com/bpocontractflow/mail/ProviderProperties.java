package com.bpocontractflow.mail;

import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/** {@code bpo.base-url} and {@code bpo.provider-name}: who we are and where our pages live. */
@ConfigurationProperties("bpo")
public record ProviderProperties(
    @DefaultValue("http://localhost:8080") String baseUrl,
    @DefaultValue("星海客服外包服务有限公司") String providerName) {
}
