package com.bpocontractflow.calendar;

import java.nio.file.Path;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/** The working-day calendar: the shipped years plus the operator's ({@code bpo.calendar.dir}, optional). */
@Configuration(proxyBeanMethods = false)
public class CalendarConfiguration {

  @Bean
  public ChineseWorkdays chineseWorkdays(@Value("${bpo.calendar.dir:}") String dir) {
    return ChineseWorkdays.load(dir.isBlank() ? null : Path.of(dir));
  }
}
