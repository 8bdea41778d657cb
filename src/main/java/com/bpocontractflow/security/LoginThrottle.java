package com.bpocontractflow.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Failed logins are throttled per client address, on every door that takes credentials (web app login,
 * REST API, staff pages, operations, integration keys): after {@code max-failures} answers 401 within
 * {@code window}, that address gets 429 until the window has passed. The engine's own per-account delay
 * stays, but never becomes a permanent lock ({@code loginMaxAttempts} is unlimited in application.yaml),
 * so an outsider cannot lock a known account for good. Counts are per node and kept in memory; behind a
 * proxy, set {@code server.forward-headers-strategy} so that the client's address is the one counted.
 */
@Configuration(proxyBeanMethods = false)
class LoginThrottle {

  static final int MAX_TRACKED_ADDRESSES = 100_000;

  /** Failures of one address in the current window. */
  static final class Window {
    final long start;
    int failures;

    Window(long start) {
      this.start = start;
    }
  }

  /** Counts failures per address; plain state so it can be tested without HTTP. */
  static final class Failures {
    private final Map<String, Window> byAddress = new ConcurrentHashMap<>();
    private final int maxFailures;
    private final long windowMillis;
    private final Clock clock;

    Failures(int maxFailures, Duration window, Clock clock) {
      this.maxFailures = maxFailures;
      this.windowMillis = window.toMillis();
      this.clock = clock;
    }

    /** Seconds until the address may try again, or 0 when it may now. */
    long blockedForSeconds(String address) {
      Window window = byAddress.get(address);
      long now = clock.millis();
      if (window == null || now - window.start >= windowMillis) {
        return 0;
      }
      return window.failures >= maxFailures ? Math.max(1, (window.start + windowMillis - now + 999) / 1000) : 0;
    }

    void failed(String address) {
      long now = clock.millis();
      if (byAddress.size() >= MAX_TRACKED_ADDRESSES) {
        byAddress.values().removeIf(w -> now - w.start >= windowMillis);
      }
      byAddress.compute(address, (key, window) -> {
        Window current = window == null || now - window.start >= windowMillis ? new Window(now) : window;
        current.failures++;
        return current;
      });
    }
  }

  @Bean
  FilterRegistrationBean<OncePerRequestFilter> loginThrottleFilter(
      @Value("${bpo.security.login-throttle.max-failures:20}") int maxFailures,
      @Value("${bpo.security.login-throttle.window:PT10M}") Duration window) {
    Failures failures = new Failures(maxFailures, window, Clock.systemUTC());
    FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(new OncePerRequestFilter() {
      @Override
      protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
          throws ServletException, IOException {
        String address = request.getRemoteAddr();
        long wait = failures.blockedForSeconds(address);
        if (wait > 0) {
          response.setStatus(429);
          response.setHeader("Retry-After", Long.toString(wait));
          response.setContentType("application/json");
          response.setCharacterEncoding(StandardCharsets.UTF_8.name());
          response.getWriter().write("{\"status\":429,\"message\":\"登录失败次数过多，请在 " + Math.max(1, wait / 60)
              + " 分钟后再试\"}");
          return;
        }
        chain.doFilter(request, response);
        if (response.getStatus() == HttpServletResponse.SC_UNAUTHORIZED) {
          failures.failed(address);
        }
      }
    });
    registration.addUrlPatterns("/engine-rest/*", "/staff/*", "/actuator/*", "/api/integrations/*",
        "/camunda/api/admin/auth/*");
    registration.setName("login-throttle");
    registration.setOrder(0);
    return registration;
  }
}
