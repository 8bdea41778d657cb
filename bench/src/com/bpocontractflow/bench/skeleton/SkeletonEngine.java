package com.bpocontractflow.bench.skeleton;

import jakarta.servlet.Filter;
import org.camunda.bpm.engine.rest.security.auth.ProcessEngineAuthenticationFilter;
import org.camunda.bpm.engine.rest.security.auth.impl.HttpBasicAuthenticationProvider;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;

/**
 * The bare engine of the benchmark's skeleton (bench/README.md): camunda-bpm-spring-boot-starter-rest with its
 * defaults, nothing of the application. Its package holds nothing else, so that the component scan finds only
 * this class; bench's Skeleton starts it with the application's auto-configurations that do not belong to a
 * bare engine excluded (Flyway, the Camunda webapps, mail) and no application.yaml.
 *
 * <p>The engine REST is not authenticated (its default) and the engine's authorization checks are off (the
 * engine's default). With {@code bench.skeleton.rest-auth=true} the engine REST's own HTTP Basic filter is added,
 * as Camunda's documentation configures it for a Spring Boot application: every call then checks password,
 * groups and tenants (three transactions), as the application's calls authenticate too.
 */
@SpringBootApplication
public class SkeletonEngine {

  @Bean
  @ConditionalOnProperty(name = "bench.skeleton.rest-auth", havingValue = "true")
  FilterRegistrationBean<Filter> restAuthentication() {
    FilterRegistrationBean<Filter> registration = new FilterRegistrationBean<>(new ProcessEngineAuthenticationFilter());
    registration.addUrlPatterns("/engine-rest/*");
    registration.addInitParameter("authentication-provider", HttpBasicAuthenticationProvider.class.getName());
    registration.setName("camunda-auth");
    return registration;
  }
}
