package com.bpocontractflow.security;

import jakarta.servlet.FilterConfig;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The engine's REST API is open to anyone by default. Here every call needs HTTP Basic credentials of a
 * Camunda user (the web apps keep their own session login); the engine then knows who did what.
 */
@Configuration(proxyBeanMethods = false)
class RestApiSecurity {

  static final String REST_PATH = "/engine-rest/*";

  @Bean
  FilterRegistrationBean<ProcessEngineAuthenticationFilter> restApiAuthentication(RestCredentials credentials) {
    // the engine's filter, with the credential check of RestCredentials (one transaction, a few seconds'
    // memory of a verified credential) instead of the provider the filter would create by its class name
    ProcessEngineAuthenticationFilter filter = new ProcessEngineAuthenticationFilter() {
      @Override
      public void init(FilterConfig config) {
        authenticationProvider = credentials;
        servletPathPrefix = config.getInitParameter(SERVLET_PATH_PREFIX);
      }
    };
    FilterRegistrationBean<ProcessEngineAuthenticationFilter> registration = new FilterRegistrationBean<>(filter);
    registration.setName("engine-rest-authentication");
    registration.addUrlPatterns(REST_PATH);
    registration.setOrder(1);
    return registration;
  }
}
