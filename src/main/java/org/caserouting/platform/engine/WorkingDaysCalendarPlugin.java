package org.caserouting.platform.engine;

import org.camunda.bpm.engine.impl.calendar.CycleBusinessCalendar;
import org.camunda.bpm.engine.impl.calendar.DueDateBusinessCalendar;
import org.camunda.bpm.engine.impl.calendar.DurationBusinessCalendar;
import org.camunda.bpm.engine.impl.calendar.MapBusinessCalendarManager;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.springframework.stereotype.Component;

/** Makes {@link WorkingDaysBusinessCalendar} the engine's due-date calendar. */
@Component
class WorkingDaysCalendarPlugin extends AbstractProcessEnginePlugin {

  private final WorkingDaysBusinessCalendar workingDays;

  WorkingDaysCalendarPlugin(WorkingDaysBusinessCalendar workingDays) {
    this.workingDays = workingDays;
  }

  @Override
  public void preInit(ProcessEngineConfigurationImpl configuration) {
    MapBusinessCalendarManager calendars = new MapBusinessCalendarManager();
    calendars.addBusinessCalendar(DurationBusinessCalendar.NAME, new DurationBusinessCalendar());
    calendars.addBusinessCalendar(DueDateBusinessCalendar.NAME, workingDays);
    calendars.addBusinessCalendar(CycleBusinessCalendar.NAME, new CycleBusinessCalendar());
    configuration.setBusinessCalendarManager(calendars);
  }
}
