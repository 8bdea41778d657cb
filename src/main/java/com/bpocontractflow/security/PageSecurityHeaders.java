package com.bpocontractflow.security;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Security headers on the application's own pages. Merchant pages: no scripts, no framing, nothing loaded
 * from elsewhere, forms posted only to us, no referrer (the link is the merchant's key), no caching.
 * Staff pages: the same, but inline styles are allowed so that e-mails can be shown as merchants see them.
 */
@Configuration(proxyBeanMethods = false)
class PageSecurityHeaders {

  static final String MERCHANT_POLICY = "default-src 'none'; style-src 'self'; img-src 'self'; "
      + "form-action 'self'; frame-ancestors 'none'; base-uri 'none'";
  static final String STAFF_POLICY = "default-src 'none'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; "
      + "frame-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

  @Bean
  FilterRegistrationBean<OncePerRequestFilter> merchantPageHeaders() {
    return headers("merchant-page-headers", MERCHANT_POLICY, "/m/*", "/merchant/*");
  }

  @Bean
  FilterRegistrationBean<OncePerRequestFilter> staffPageHeaders() {
    return headers("staff-page-headers", STAFF_POLICY, "/staff/*");
  }

  private static FilterRegistrationBean<OncePerRequestFilter> headers(String name, String policy, String... paths) {
    FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(new OncePerRequestFilter() {
      @Override
      protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
          throws ServletException, IOException {
        response.setHeader("Content-Security-Policy", policy);
        response.setHeader("X-Content-Type-Options", "nosniff");
        response.setHeader("X-Frame-Options", "DENY");
        response.setHeader("Referrer-Policy", "no-referrer");
        response.setHeader("Cache-Control", "no-store");
        chain.doFilter(request, response);
      }
    });
    registration.addUrlPatterns(paths);
    registration.setName(name);
    return registration;
  }
}
