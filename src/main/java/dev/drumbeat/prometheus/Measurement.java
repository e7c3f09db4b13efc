package dev.drumbeat.prometheus;

import java.math.BigDecimal;
import java.time.Instant;

/** What a PromQL expression measured at a time: one number, or why there is none. Never a guess. */
public sealed interface Measurement {

    /** One finite number, and the time Prometheus gave it for. */
    record Value(BigDecimal value, Instant at) implements Measurement {}

    /** No number, with the reason and a sentence a person can act on. */
    record Missing(Reason reason, String detail) implements Measurement {}

    /** Why an expression gave no number. */
    enum Reason {
        /** Prometheus could not be reached, or answered with a server error. */
        UNREACHABLE,
        /** Prometheus took longer than the time allowed. */
        TIMED_OUT,
        /** Prometheus refused the expression (a syntax error, an unknown function, a range where a number is due). */
        QUERY_ERROR,
        /** The expression matched no series at all in the period. */
        EMPTY,
        /** The series had data in the period but stopped before its end. */
        STALE,
        /** The expression gave several series where one number is due. */
        SEVERAL_SERIES,
        /** The expression gave NaN or an infinity. */
        NOT_A_NUMBER,
        /** The number is too large for a reading (more than 14 digits before the point). */
        OUT_OF_RANGE,
        /** No Prometheus is configured to ask. */
        NOT_CONFIGURED;

        /** How the reason is stored: its name in lower case. */
        public String code() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }

        public static Reason ofCode(String code) {
            return valueOf(code.toUpperCase(java.util.Locale.ROOT));
        }
    }
}
