package dev.drumbeat.chart;

import java.math.BigDecimal;
import java.time.LocalDate;

/** One KPI's reading for one check-in period: the latest recorded when several sources sent that period. */
record TrendPoint(long kpiId, LocalDate periodStart, BigDecimal value) {}
