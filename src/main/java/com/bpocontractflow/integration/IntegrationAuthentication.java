package com.bpocontractflow.integration;

import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpStatus;
import org.springframework.web.filter.OncePerRequestFilter;

/** {@code /api/integrations/*} answers only callers with a configured API key: 401 (zh-CN) otherwise. */
@Configuration(proxyBeanMethods = false)
class IntegrationAuthentication {

  @Bean
  FilterRegistrationBean<OncePerRequestFilter> integrationKeyFilter(IntegrationKeys keys, ObjectMapper json) {
    FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(new OncePerRequestFilter() {
      @Override
      protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
          throws ServletException, IOException {
        String header = request.getHeader("Authorization");
        Optional<IntegrationKeys.Caller> caller = header != null && header.regionMatches(true, 0, "Bearer ", 0, 7)
            ? keys.caller(header.substring(7).trim()) : Optional.empty();
        if (caller.isEmpty()) {
          response.setStatus(HttpStatus.UNAUTHORIZED.value());
          response.setHeader("WWW-Authenticate", "Bearer realm=\"BPO Contract Flow integrations\"");
          response.setContentType("application/json");
          response.setCharacterEncoding(StandardCharsets.UTF_8.name());
          json.writeValue(response.getWriter(), IntegrationController.answer(HttpStatus.UNAUTHORIZED,
              "缺少或无效的 API 密钥（请求头 Authorization: Bearer <密钥>）", java.util.List.of()).getBody());
          return;
        }
        request.setAttribute(IntegrationController.CALLER_ATTRIBUTE, caller.get());
        chain.doFilter(request, response);
      }
    });
    registration.addUrlPatterns("/api/integrations/*");
    registration.setName("integration-api-keys");
    registration.setOrder(2);
    return registration;
  }
}
