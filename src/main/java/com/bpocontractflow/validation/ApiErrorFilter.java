package com.bpocontractflow.validation;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Applies {@link ApiErrors} to the error answers of {@code /engine-rest} and of the web apps' API
 * ({@code /camunda/api}, which Tasklist, Cockpit and Admin call), and answers a direct request for
 * {@code /error} with 404 instead of Spring's "status 999". A server error is logged once, with the
 * reference its answer shows.
 */
@Configuration(proxyBeanMethods = false)
class ApiErrorFilter {

  private static final Logger LOG = LoggerFactory.getLogger(ApiErrorFilter.class);

  @Bean
  FilterRegistrationBean<OncePerRequestFilter> apiErrorAnswers(ObjectMapper json) {
    FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(new OncePerRequestFilter() {
      @Override
      protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
          throws ServletException, IOException {
        if ("/error".equals(request.getRequestURI())) {
          write(response, 404, "{\"status\":404,\"message\":\"页面不存在\"}");
          return;
        }
        ContentCachingResponseWrapper wrapped = new ContentCachingResponseWrapper(response);
        try {
          chain.doFilter(request, wrapped);
          int status = wrapped.getStatus();
          String type = wrapped.getContentType();
          if (status >= 400 && type != null && type.contains("json") && wrapped.getContentSize() > 0) {
            rewrite(request, wrapped, status, json);
          }
        } finally {
          wrapped.copyBodyToResponse();
        }
      }
    });
    registration.addUrlPatterns("/engine-rest/*", "/camunda/api/*", "/error");
    registration.setName("api-error-answers");
    registration.setOrder(1);
    return registration;
  }

  private static void rewrite(HttpServletRequest request, ContentCachingResponseWrapper response, int status,
      ObjectMapper json) throws IOException {
    Map<String, Object> body;
    try {
      body = json.readValue(response.getContentAsByteArray(), new TypeReference<Map<String, Object>>() {
      });
    } catch (IOException notAnObject) {
      return;
    }
    String reference = UUID.randomUUID().toString().substring(0, 8);
    ApiErrors.Answer answer = ApiErrors.classify(status, body, reference);
    if (answer.logAsServerError()) {
      LOG.error("Server error {} on {} {}: {}", reference, request.getMethod(), request.getRequestURI(), body);
    }
    if (answer.body() != null) {
      response.resetBuffer();
      response.setStatus(answer.status());
      response.setContentType("application/json;charset=UTF-8");
      response.getOutputStream().write(json.writeValueAsBytes(answer.body()));
    }
  }

  private static void write(HttpServletResponse response, int status, String body) throws IOException {
    response.setStatus(status);
    response.setContentType("application/json;charset=UTF-8");
    response.getOutputStream().write(body.getBytes(StandardCharsets.UTF_8));
  }
}
