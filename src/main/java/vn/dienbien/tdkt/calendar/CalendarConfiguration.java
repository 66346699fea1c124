package vn.dienbien.tdkt.calendar;

import org.springframework.context.annotation.Configuration;
import org.springframework.scheduling.annotation.EnableScheduling;

/** The daily check of {@link CalendarYearCheck} runs on Spring's scheduler. */
@Configuration(proxyBeanMethods = false)
@EnableScheduling
class CalendarConfiguration {
}
