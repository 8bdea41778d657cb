package com.bpocontractflow.security;

import com.bpocontractflow.team.Teams;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.stream.Stream;
import org.springframework.boot.web.servlet.FilterRegistrationBean;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * {@code /staff/*} (outbox, contract documents) is for the provider's staff: the teams that work tasks and
 * administrators. Any other authenticated user gets 403; without credentials the pages answer 401.
 */
@Configuration(proxyBeanMethods = false)
class StaffPages {

  static final String[] STAFF_GROUPS = Stream.concat(Teams.taskTeams().stream().map(Teams::groupId),
      Stream.of(TaskHandOverRule.CAMUNDA_ADMIN)).toArray(String[]::new);

  @Bean
  FilterRegistrationBean<OncePerRequestFilter> staffOnly(StaffAuthentication staff) {
    FilterRegistrationBean<OncePerRequestFilter> registration = new FilterRegistrationBean<>(new OncePerRequestFilter() {
      @Override
      protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
          throws ServletException, IOException {
        Optional<String> user = staff.currentUser(request);
        if (user.isPresent() && !staff.isMember(user.get(), STAFF_GROUPS)) {
          response.setStatus(HttpServletResponse.SC_FORBIDDEN);
          response.setCharacterEncoding(StandardCharsets.UTF_8.name());
          boolean json = request.getRequestURI().contains("/documents");
          response.setContentType(json ? "application/json" : "text/plain");
          String message = "只有服务方员工（销售、法务、财务、实施、经理）可以访问此页面";
          response.getWriter().write(json ? "{\"status\":403,\"message\":\"" + message + "\"}" : message);
          return;
        }
        chain.doFilter(request, response);
      }
    });
    registration.addUrlPatterns("/staff/*");
    registration.setName("staff-pages-access");
    registration.setOrder(3);
    return registration;
  }
}
