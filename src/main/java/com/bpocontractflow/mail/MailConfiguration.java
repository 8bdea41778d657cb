package com.bpocontractflow.mail;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.mail.javamail.JavaMailSenderImpl;

@Configuration(proxyBeanMethods = false)
class MailConfiguration {

  /** SMTP when {@code spring.mail.host} is set, otherwise the log (the default run needs no mail server). */
  @Bean
  MailTransport mailTransport(ObjectProvider<JavaMailSenderImpl> smtp, MailProperties properties) {
    JavaMailSenderImpl sender = smtp.getIfAvailable();
    return sender != null ? new SmtpMailTransport(sender, properties.from(), properties.dataTimeout())
        : new LogMailTransport();
  }
}
