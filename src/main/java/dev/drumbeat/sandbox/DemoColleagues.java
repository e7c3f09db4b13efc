package dev.drumbeat.sandbox;

import dev.drumbeat.sandbox.DemoColleaguesDao.NewConfidence;
import dev.drumbeat.sandbox.DemoPortfolio.DemoPerson;
import dev.drumbeat.sandbox.DemoPortfolioCatalog.HurdleRow;
import dev.drumbeat.sandbox.DemoPortfolioCatalog.ServiceRow;
import dev.drumbeat.sandbox.DemoPortfolioOkrs.KeyResultRow;
import dev.drumbeat.sandbox.DemoPortfolioOkrs.ObjectiveRow;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.IntStream;
import org.jdbi.v3.core.Jdbi;

/**
 * The demo's colleagues: as its clock moves on, the owners who check in every week do so, on a Monday or Tuesday
 * morning in their own zone, each service carrying on its story, and they say how their key results of this
 * quarter are going. The people left to the newcomer (Aisha Khan) answer only when someone plays them in the
 * sandbox, and the services meant to go quiet stay quiet. So each week's digest shows a realistic mix, and only
 * the escalations the demo means to tell arise. Thread-safe; holds no state.
 */
public final class DemoColleagues {
    /** Weeks before this one to catch up on: the clock moves at most a week at a time, a restart resumes it. */
    private static final int WEEKS_BACK = 2;

    private static final LocalTime WORD_ON_KEY_RESULTS = LocalTime.of(10, 0);
    private final Jdbi jdbi;
    private final Clock clock;

    public DemoColleagues(Jdbi jdbi, Clock clock) {
        this.jdbi = jdbi;
        this.clock = clock;
    }

    /** Writes what the colleagues have answered by now and is not stored yet; what the newcomer wrote stays. */
    public void catchUp() {
        Instant now = clock.instant();
        List<ServiceRow> services = DemoPortfolioCatalog.services();
        Map<String, HurdleRow> hurdles = DemoPortfolioCatalog.hurdles();
        Map<String, DemoPerson> people = DemoPortfolioPeople.byHandle();
        List<DemoPortfolioDao.NewCheckIn> checkIns = new ArrayList<>();
        List<NewConfidence> words = new ArrayList<>();
        for (LocalDate monday : weeksAround(now)) {
            DemoPortfolioCheckIns.live(services, hurdles, people, DemoPortfolioPeople.LEFT_TO_THE_NEWCOMER, monday)
                    .stream()
                    .filter(checkIn -> !checkIn.submittedAt().isAfter(now))
                    .map(DemoPortfolioWriter::row)
                    .forEach(checkIns::add);
            words.addAll(wordsOnKeyResults(people, monday, now));
        }
        jdbi.useTransaction(handle -> {
            DemoColleaguesDao dao = handle.attach(DemoColleaguesDao.class);
            dao.insertCheckIns(DemoPortfolio.TEAM_ID, checkIns);
            dao.insertConfidence(DemoPortfolio.TEAM_ID, words);
        });
    }

    /** The Mondays (UTC) from {@link #WEEKS_BACK} weeks back to next week's, for zones ahead of UTC. */
    static List<LocalDate> weeksAround(Instant now) {
        LocalDate thisMonday =
                LocalDate.ofInstant(now, ZoneOffset.UTC).with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        return IntStream.rangeClosed(-WEEKS_BACK, 1)
                .mapToObj(thisMonday::plusWeeks)
                .toList();
    }

    /** What each colleague owning a key result of this quarter says of it, on Monday morning in their zone. */
    private static List<NewConfidence> wordsOnKeyResults(
            Map<String, DemoPerson> people, LocalDate monday, Instant now) {
        List<NewConfidence> words = new ArrayList<>();
        for (ObjectiveRow objective : DemoPortfolioOkrs.ALL) {
            for (KeyResultRow kr : objective.keyResults()) {
                DemoPerson owner = people.get(kr.ownerHandle());
                Instant at = monday.atTime(WORD_ON_KEY_RESULTS)
                        .atZone(ZoneId.of(owner.tz()))
                        .toInstant();
                boolean colleague = !DemoPortfolioPeople.LEFT_TO_THE_NEWCOMER.contains(kr.ownerHandle());
                if (objective.quartersAgo() == 0 && colleague && !at.isAfter(now)) {
                    words.add(new NewConfidence(
                            kr.title(), owner.userId(), monday, kr.confidence(), at.atOffset(ZoneOffset.UTC)));
                }
            }
        }
        return words;
    }
}
