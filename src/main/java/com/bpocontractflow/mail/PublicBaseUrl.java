package com.bpocontractflow.mail;

import java.net.URI;
import java.net.URISyntaxException;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.context.WebServerInitializedEvent;
import org.springframework.context.ApplicationListener;
import org.springframework.stereotype.Component;

/**
 * The public address of the application's pages, as links in e-mails name it: {@code bpo.base-url}
 * ({@code BPO_BASE_URL}) when it is set, which always wins; otherwise {@code http://localhost:<port>} with
 * the port the web server actually listens on (known once it has started; before that, {@code server.port}).
 * A set address must be an absolute http(s) URL, or the start is refused.
 */
@Component
public class PublicBaseUrl implements ApplicationListener<WebServerInitializedEvent> {

  private final String configured;
  private volatile int port;

  public PublicBaseUrl(ProviderProperties provider, @Value("${server.port:8080}") int configuredPort) {
    this.configured = checked(provider.baseUrl());
    this.port = configuredPort;
  }

  /** The address exactly as configured (a fixed base URL, as unit tests give it). */
  public static PublicBaseUrl of(ProviderProperties provider) {
    return new PublicBaseUrl(provider, 8080);
  }

  /** The address without a trailing slash, e.g. {@code https://contracts.example.com}. */
  public String get() {
    return configured != null ? configured : "http://localhost:" + port;
  }

  @Override
  public void onApplicationEvent(WebServerInitializedEvent event) {
    // the application's own server, not a separate management server (server namespace "management")
    if (event.getApplicationContext().getServerNamespace() == null) {
      port = event.getWebServer().getPort();
    }
  }

  private static String checked(String baseUrl) {
    if (baseUrl == null || baseUrl.isBlank()) {
      return null;
    }
    String url = baseUrl.strip().replaceAll("/+$", "");
    try {
      URI uri = new URI(url);
      if (("http".equals(uri.getScheme()) || "https".equals(uri.getScheme())) && uri.getHost() != null
          && uri.getQuery() == null && uri.getFragment() == null) {
        return url;
      }
    } catch (URISyntaxException e) {
      // refused below
    }
    throw new IllegalStateException("bpo.base-url (BPO_BASE_URL) must be an absolute http or https address "
        + "such as https://contracts.example.com, not: " + baseUrl);
  }
}
