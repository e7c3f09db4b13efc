package dev.drumbeat.checkin;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The key results a check-in asks its owner about: those measured by the service's KPIs and owned by the person
 * checking in, each with the confidence already given for the period. Implemented by the OKR feature, so check-ins
 * need not know how key results are kept.
 */
public interface KeyResultConfidence {

    /** A key result to ask about, with the confidence ({@code on_track}, …) already given this period, if any. */
    record Asked(long keyResultId, String title, Optional<String> current) {}

    /** The choices, as stored and as the form's option values. */
    List<String> CHOICES = List.of("on_track", "at_risk", "off_track");

    /** Asks nothing and records nothing. */
    KeyResultConfidence NONE = new KeyResultConfidence() {
        @Override
        public List<Asked> asked(String teamId, String serviceKey, String userId, LocalDate period) {
            return List.of();
        }

        @Override
        public void record(String teamId, String userId, LocalDate period, Map<Long, String> answers) {}
    };

    List<Asked> asked(String teamId, String serviceKey, String userId, LocalDate period);

    /** Records the answers given (key result id to choice); ignores results the person does not own. */
    void record(String teamId, String userId, LocalDate period, Map<Long, String> answers);
}
