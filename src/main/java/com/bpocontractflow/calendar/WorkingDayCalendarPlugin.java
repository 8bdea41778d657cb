package com.bpocontractflow.calendar;

import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Component;

/** Gives the engine the working-day business calendars ({@link WorkingDayTimers}). */
@Component
public class WorkingDayCalendarPlugin extends AbstractProcessEnginePlugin {

  private final ChineseWorkdays workdays;

  public WorkingDayCalendarPlugin(ChineseWorkdays workdays) {
    this.workdays = workdays;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    configuration.setBusinessCalendarManager(new WorkingDayTimers(workdays).manager());
  }
}
