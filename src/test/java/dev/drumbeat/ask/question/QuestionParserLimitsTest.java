package dev.drumbeat.ask.question;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drumbeat.ask.question.Question.Deprioritise;
import dev.drumbeat.ask.question.Question.Scope;
import dev.drumbeat.ask.question.Question.Unclear;
import dev.drumbeat.ask.question.Question.Unknown;
import dev.drumbeat.core.ServiceMatcher.Candidate;
import java.math.BigDecimal;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Limits on what may be picked, what-if premises, and the words no part of a reading took: each is honoured,
 * asked back or said back, never dropped.
 */
class QuestionParserLimitsTest {

    private static final List<Candidate> OWNERS =
            List.of(new Candidate("U1", "Bruno Diaz"), new Candidate("U2", "Ana Silva"));
    private final QuestionParser parser =
            new QuestionParser(QuestionParserTest.SERVICES, QuestionParserTest.INITIATIVES, List.of(), OWNERS);

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            what can we cut to save 50k a month from secondary services only          | secondary
            secondary only: what can we deprioritise to save 50k a month             | secondary
            what can we cut to save 50k a month, only core and secondary services     | core secondary
            what can we cut to save 50k a month, limited to the secondary tier       | secondary
            what can we drop from the core tier only to free up 50k a month          | core
            """)
    void a_limit_to_tiers_is_honoured(String text, String tiers) {
        Deprioritise read = deprioritise(text);

        assertThat(read.scope().tiers()).containsExactly(tiers.split(" "));
        assertThat(read.target().value()).isEqualByComparingTo("50000");
        assertThat(read.setAside()).isEmpty();
    }

    @Test
    void a_limit_to_the_strategic_tier_lets_strategic_services_be_picked() {
        Deprioritise read = deprioritise("what can we cut to save 50k a month, strategic services only");

        assertThat(read.scope().tiers()).containsExactly("strategic");
        assertThat(read.includeStrategic()).isTrue();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            what can we cut to save 50k a month, only initiatives     | INITIATIVE
            what can we cut to save 50k a month, just services        | SERVICE
            which initiatives only could we pause to save 50k a month | INITIATIVE
            what services only can we cut to save 50k a month         | SERVICE
            """)
    void a_limit_to_services_or_initiatives_is_honoured(String text, Scope.Kind kind) {
        assertThat(deprioritise(text).scope().kinds()).containsExactly(kind);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            what can we cut to save 50k a month, only Bruno's services           | U1 | Bruno Diaz
            only bruno diaz's services: what can we cut to save 50k a month      | U1 | Bruno Diaz
            what can we cut from services owned by Ana to save 50k a month       | U2 | Ana Silva
            what can we cut to save 50k a month, only <@U2>'s services           | U2 | Ana Silva
            what can we cut to save 50k a month from Ana's services only         | U2 | Ana Silva
            """)
    void a_limit_to_an_owner_is_honoured(String text, String ownerId, String ownerName) {
        Deprioritise read = deprioritise(text);

        assertThat(read.scope().ownerIds()).containsExactly(ownerId);
        assertThat(read.scope().owners()).containsExactly(ownerName);
        assertThat(read.setAside()).isEmpty();
    }

    @Test
    void a_limit_to_someone_who_owns_nothing_is_refused_naming_them() {
        assertThat(noteFor("what can we cut to save 50k a month, only Zed's services"))
                .contains("I don't know anyone called \"Zed\"");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "what can we cut to save 50k a month, only the platform team's services",
                "what can we cut to save 50k a month from services owned by the data team"
            })
    void a_limit_to_a_team_is_refused_since_drumbeat_knows_owners_not_teams(String text) {
        assertThat(noteFor(text)).contains("not which team", "only Bruno's services");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "if we pause the cloud migration, what else can we cut to save 50k a month",
                "what can we cut to save 50k a month if we pause the cloud migration",
                "what can we cut to save 50k a month assuming the cloud migration stops",
                "assuming cloud migration is paused, what can we deprioritise to save 50k a month",
                "given that we stop the cloud migration what can we cut to save 50k a month"
            })
    void a_what_if_premise_is_honoured_as_something_supposed_stopped(String text) {
        Deprioritise read = deprioritise(text);

        assertThat(read.supposedKeys()).containsExactly("cloud-migration");
        assertThat(read.excludedKeys()).isEmpty();
        assertThat(read.setAside()).isEmpty();
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            what can we cut to save 50k a month if we finish the cloud migration   | if we finish the cloud migration
            what can we cut to save 50k a month, protect the customer facing stuff | protect the customer facing
            what can we cut to save 50k a month, nothing customer facing            | nothing customer facing
            what can we cut to save 50k a month over the next year                  | over the next year
            what can we cut to save 50k a month, keep it cheap                     | keep it cheap
            what can we cut to save 50k a month unless it is urgent                | unless it is urgent
            save 50k a month, payments api stays                                   | payments api stays
            what can we cut to save 50k a month, preferably small ones             | preferably small
            """)
    void words_that_could_change_the_answer_are_asked_back_with_the_reading_without_them(String text, String words) {
        Question read = parser.parse(text);

        assertThat(read).isInstanceOfSatisfying(Unclear.class, unclear -> {
            assertThat(unclear.unclear()).containsExactly(words);
            assertThat(unclear.reading())
                    .isInstanceOfSatisfying(
                            Deprioritise.class,
                            reading -> assertThat(reading.target().value()).isEqualByComparingTo("50000"));
        });
    }

    @Test
    void other_words_no_part_took_are_kept_to_be_said_back() {
        Deprioritise read = deprioritise("what can we deprioritise to save 50k a month for the board pack");

        assertThat(read.setAside()).containsExactly("board pack");
        assertThat(read.target().value()).isEqualByComparingTo(new BigDecimal("50000"));
    }

    @Test
    void the_frame_of_the_question_is_never_said_back() {
        for (String text : List.of(
                "hey drumbeat, what can we deprioritise to save 50k a month?",
                "what else could we possibly cut in order to free up at least 50k a month",
                "what would you recommend we stop to save 50k a month without touching payments api",
                "if we need to save 50k a month, what are the best options to cut",
                "if we had to save 50k a month what would go",
                "what's the cheapest way to save 50k a month",
                "what would you cut first to save 50k a month going forward")) {
            assertThat(deprioritise(text).setAside()).as(text).isEmpty();
        }
    }

    @Test
    void every_limit_and_exclusion_said_together_is_read() {
        Deprioritise read = deprioritise("if we pause the cloud migration, what can we cut from Bruno's services only"
                + " to save €40k a quarter, don't touch fraud detection, strategic included");

        assertThat(read.supposedKeys()).containsExactly("cloud-migration");
        assertThat(read.scope().ownerIds()).containsExactly("U1");
        assertThat(read.excludedKeys()).isEqualTo(Set.of("fraud-detection"));
        assertThat(read.includeStrategic()).isTrue();
        assertThat(read.target().currencySaid()).contains("€");
        assertThat(read.setAside()).isEmpty();
    }

    private Deprioritise deprioritise(String text) {
        Question read = parser.parse(text);
        assertThat(read).as(text).isInstanceOf(Deprioritise.class);
        return (Deprioritise) read;
    }

    private String noteFor(String text) {
        Question read = parser.parse(text);
        assertThat(read).as(text).isInstanceOf(Unknown.class);
        return ((Unknown) read).ambiguity().orElseThrow();
    }
}
