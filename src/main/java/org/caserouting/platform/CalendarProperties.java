package org.caserouting.platform;

import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param zone the time zone in which the city counts days
 * @param holidays public holidays that are not working days (weekends never are)
 */
@ConfigurationProperties("caserouting.calendar")
public record CalendarProperties(
    @DefaultValue("Asia/Taipei") ZoneId zone, @DefaultValue List<LocalDate> holidays) {}
