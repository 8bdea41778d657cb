package com.bpocontractflow.operations;

import com.bpocontractflow.mail.MailOutbox;
import com.bpocontractflow.mail.OutboxMail;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.Date;
import org.camunda.bpm.engine.ManagementService;
import org.camunda.bpm.engine.RuntimeService;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;

/**
 * Gauges for Prometheus ({@code /actuator/prometheus}), read when scraped: open incidents, jobs that are
 * due, jobs without retries left, pending and failed e-mails.
 */
@Component
class ProcessMetrics implements SmartInitializingSingleton {

  private final MeterRegistry registry;
  private final RuntimeService runtimeService;
  private final ManagementService managementService;
  private final MailOutbox outbox;

  ProcessMetrics(MeterRegistry registry, RuntimeService runtimeService, ManagementService managementService,
      MailOutbox outbox) {
    this.registry = registry;
    this.runtimeService = runtimeService;
    this.managementService = managementService;
    this.outbox = outbox;
  }

  @Override
  public void afterSingletonsInstantiated() {
    Gauge.builder("bpo.incidents.open", () -> runtimeService.createIncidentQuery().count())
        .description("Open incidents (failed jobs without retries and others)").register(registry);
    Gauge.builder("bpo.jobs.due", () -> managementService.createJobQuery().executable().duedateLowerThan(new Date()).count())
        .description("Jobs due now and not yet executed (timers, asynchronous steps)").register(registry);
    Gauge.builder("bpo.jobs.failed", () -> managementService.createJobQuery().noRetriesLeft().count())
        .description("Jobs with no retries left").register(registry);
    Gauge.builder("bpo.mail.pending", () -> outbox.countByStatus(OutboxMail.PENDING))
        .description("E-mails waiting in the outbox").register(registry);
    Gauge.builder("bpo.mail.failed", () -> outbox.countByStatus(OutboxMail.FAILED))
        .description("E-mails whose retries are exhausted").register(registry);
    Gauge.builder("bpo.mail.unknown", () -> outbox.countByStatus(OutboxMail.UNKNOWN))
        .description("E-mails the SMTP server had in full without confirming them: an operator decides").register(registry);
  }
}
