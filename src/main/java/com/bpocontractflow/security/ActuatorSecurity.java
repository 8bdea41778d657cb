package com.bpocontractflow.security;

import com.bpocontractflow.team.Teams;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import java.util.Set;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * {@code /actuator}: the liveness and readiness probes answer anyone (status only, for load balancers and
 * orchestrators); health details and metrics need a user of {@code camunda-admin} or {@code operators}.
 */
@Configuration(proxyBeanMethods = false)
class ActuatorSecurity {

  static final Set<String> OPEN = Set.of("/actuator/health/liveness", "/actuator/health/readiness");
  static final String[] ALLOWED_GROUPS = {"camunda-admin", Teams.OPERATORS.groupId()};

  @Bean
  FilterRegistrationBean<OncePerRequestFilter> actuatorAuthentication(StaffAuthentication staff) {
    FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(new OncePerRequestFilter() {
      @Override
      protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
          throws ServletException, IOException {
        if (OPEN.contains(request.getRequestURI())) {
          chain.doFilter(request, response);
          return;
        }
        Optional<String> user = staff.currentUser(request);
        if (user.isEmpty()) {
          response.setHeader("WWW-Authenticate", "Basic realm=\"BPO Contract Flow operations\"");
          response.sendError(HttpServletResponse.SC_UNAUTHORIZED);
          return;
        }
        if (!staff.isMember(user.get(), ALLOWED_GROUPS)) {
          response.sendError(HttpServletResponse.SC_FORBIDDEN);
          return;
        }
        chain.doFilter(request, response);
      }
    });
    registration.addUrlPatterns("/actuator/*", "/actuator");
    registration.setName("actuator-authentication");
    return registration;
  }
}
