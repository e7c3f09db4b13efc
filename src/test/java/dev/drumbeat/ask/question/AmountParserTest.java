package dev.drumbeat.ask.question;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drumbeat.ask.question.Amount.Per;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class AmountParserTest {

    @ParameterizedTest(name = "\"{0}\" is {1} per {2}")
    @CsvSource(delimiter = '|', textBlock = """
            50k                          | 50000   | MONTH
            50 k                         | 50000   | MONTH
            $1.2m                        | 1200000 | MONTH
            1.2 million                  | 1200000 | MONTH
            1.2 mil a year               | 1200000 | YEAR
            2bn annually                 | 2000000000 | YEAR
            120,000                      | 120000  | MONTH
            120000                       | 120000  | MONTH
            1,200,000.50 per year        | 1200000.5 | YEAR
            €40k a quarter               | 40000   | QUARTER
            € 40k each quarter           | 40000   | QUARTER
            £2.5k per month              | 2500    | MONTH
            2.5k monthly                 | 2500    | MONTH
            10k quarterly                | 10000   | QUARTER
            10k per qtr                  | 10000   | QUARTER
            10k per q                    | 10000   | QUARTER
            10k yearly                   | 10000   | YEAR
            10k per annum                | 10000   | YEAR
            10k pa                       | 10000   | YEAR
            10k p.a                      | 10000   | YEAR
            10k a yr                     | 10000   | YEAR
            10k pcm                      | 10000   | MONTH
            10k every month              | 10000   | MONTH
            10k this year                | 10000   | YEAR
            10k over the next year       | 10000   | YEAR
            10k in savings per quarter   | 10000   | QUARTER
            5 grand a month              | 5000    | MONTH
            a million a year             | 1000000 | YEAR
            half a million annually      | 500000  | YEAR
            two hundred thousand         | 200000  | MONTH
            750                          | 750     | MONTH
            """)
    void a_sum_of_money_is_read_with_its_period(String text, String value, Per per) {
        assertThat(AmountParser.find(text)).isInstanceOfSatisfying(AmountParse.Found.class, found -> {
            assertThat(found.amount().value()).isEqualByComparingTo(value);
            assertThat(found.amount().per()).isEqualTo(per);
        });
    }

    @ParameterizedTest
    @CsvSource({
        "save €40k a quarter, €",
        "save 40k euros a quarter, euros",
        "save eur 40k a quarter, eur",
        "save $40k a month, $",
        "save 40 thousand dollars a month, dollars",
        "save 40k gbp, gbp",
    })
    void the_currency_said_with_an_amount_is_kept_for_the_answer_to_honour(String text, String currency) {
        assertThat(AmountParser.find(text))
                .isInstanceOfSatisfying(
                        AmountParse.Found.class,
                        found -> assertThat(found.amount().currencySaid()).contains(currency));
    }

    @ParameterizedTest(name = "\"{0}\" is {1}% of monthly cost")
    @CsvSource(delimiter = '|', textBlock = """
            2% of monthly cost           | 2
            2 % of our monthly spend     | 2
            5 percent                    | 5
            5 per cent of costs          | 5
            2.5% of the annual budget    | 2.5
            10 pct                       | 10
            100%                         | 100
            """)
    void a_percentage_is_a_share_of_monthly_cost(String text, String percent) {
        assertThat(amountOf(AmountParser.find(text))).isEqualTo((Amount.percentOfMonthlyCost(new BigDecimal(percent))));
    }

    @Test
    void the_monthly_cost_in_a_percentage_is_not_taken_for_a_period() {
        assertThat(amountOf(AmountParser.find("2% of monthly cost a year")))
                .isEqualTo((Amount.percentOfMonthlyCost(new BigDecimal("2"))));
    }

    @Test
    void a_period_before_the_amount_counts_when_none_follows_it() {
        assertThat(amountOf(AmountParser.find("what can we cut each quarter to save 40k")))
                .isEqualTo((Amount.of(new BigDecimal("40000"), Per.QUARTER)));
    }

    @Test
    void a_period_far_after_the_amount_is_not_its_period() {
        assertThat(amountOf(AmountParser.find("save 40k so that we can hit the plan for the year")))
                .isEqualTo((Amount.of(new BigDecimal("40000"), Per.MONTH)));
    }

    @Test
    void the_search_can_start_part_way_through_and_still_see_a_period_before() {
        String text = "each year cut 3 services to save 90k";

        assertThat(amountOf(AmountParser.find(text, text.indexOf("save"))))
                .isEqualTo((Amount.of(new BigDecimal("90000"), Per.YEAR)));
    }

    @ParameterizedTest(name = "\"{0}\" is refused")
    @ValueSource(
            strings = {
                "12,5k",
                "1,5 million",
                "12,50",
                "1.200.000",
                "1.234,5",
                "50 000 a month",
                "0",
                "0k",
                "0%",
                "150%",
                "10000000000000000 a month",
                "2000bn a year"
            })
    void an_amount_with_two_readings_no_saving_or_beyond_what_money_columns_hold_is_refused(String text) {
        assertThat(AmountParser.find(text)).isInstanceOf(AmountParse.Refused.class);
    }

    @Test
    void a_decimal_comma_is_refused_naming_both_readings() {
        assertThat(AmountParser.find("save 12,5k a month"))
                .isEqualTo(new AmountParse.Refused(
                        "I can't tell whether \"12,5k\" means 12.5k or 125k. Write decimals with a point (12.5k)"
                                + " and thousands without a separator or with commas in threes (120,000)."));
    }

    @ParameterizedTest(name = "\"{0}\" has no amount")
    @ValueSource(strings = {"", "save money", "a month", "monthly cost", "v2 of payments", "a lot", "k", "m"})
    void text_without_a_number_has_no_amount(String text) {
        assertThat(AmountParser.find(text)).isEqualTo(new AmountParse.Absent());
    }

    @ParameterizedTest
    @CsvSource({
        "save 5k a day, 5000, 152083.33, a day",
        "save 10k a week, 10000, 43333.33, a week",
        "save 10k per week, 10000, 43333.33, a week",
        "save 10k weekly, 10000, 43333.33, a week",
        "save 20k a fortnight, 20000, 43333.33, a fortnight",
        "save 60k every six months, 60000, 10000.00, half a year",
        "save 60k a half year, 60000, 10000.00, half a year",
        "save 60k half-yearly, 60000, 10000.00, half a year",
        "save 120k per annum, 120000, 10000.00, a year",
        "save 600k over six months, 600000, 100000.00, over 6 months",
        "save 2m over two years, 2000000, 83333.33, over 2 years",
        "save 30k over the next 3 weeks, 30000, 43333.33, over 3 weeks",
        "save 90k over 2 quarters, 90000, 15000.00, over 2 quarters",
    })
    void periods_other_than_month_quarter_and_year_are_read_on_one_calendar(
            String text, String value, String monthly, String phrase) {
        AmountParse parsed = AmountParser.find(text);

        assertThat(parsed).isInstanceOf(AmountParse.Found.class);
        Amount amount = ((AmountParse.Found) parsed).amount();
        assertThat(amount.value()).isEqualByComparingTo(value);
        assertThat(amount.monthly()).isEqualTo(new BigDecimal(monthly));
        assertThat(amount.per().phrase()).isEqualTo(phrase);
    }

    @ParameterizedTest
    @ValueSource(strings = {"save -50k a month", "save minus 50k a month", "save negative 20k"})
    void a_negative_saving_is_refused_not_read_without_its_sign(String text) {
        assertThat(AmountParser.find(text))
                .isInstanceOfSatisfying(
                        AmountParse.Refused.class,
                        refused -> assertThat(refused.reason()).contains("more than zero"));
    }

    @ParameterizedTest
    @ValueSource(strings = {"save 50k a month or 600k a year", "save 50k a month, maybe 80k"})
    void two_amounts_are_asked_back_naming_both(String text) {
        assertThat(AmountParser.find(text))
                .isInstanceOfSatisfying(
                        AmountParse.Refused.class,
                        refused -> assertThat(refused.reason()).contains("two amounts", "50k"));
    }

    @ParameterizedTest
    @CsvSource({
        "save 40k by the end of the year, 2026-12-07, 48666.67, by the end of the year (25 days left)",
        "save 40k by year end, 2026-12-31, 1216666.67, by the end of the year (1 day left)",
        "save 47k by the end of the quarter, 2026-11-15, 30416.67, by the end of the quarter (47 days left)",
        "save 10k by the end of the month, 2026-02-01, 10863.10, by the end of the month (28 days left)",
    })
    void a_deadline_on_a_known_day_is_the_days_it_leaves(String text, String today, String monthly, String phrase) {
        assertThat(AmountParser.find(text, 0, Optional.of(LocalDate.parse(today))))
                .isInstanceOfSatisfying(AmountParse.Found.class, found -> {
                    assertThat(found.amount().monthly()).isEqualTo(new BigDecimal(monthly));
                    assertThat(found.amount().per().phrase()).isEqualTo(phrase);
                });
    }

    @ParameterizedTest
    @ValueSource(strings = {"save 40k by the end of the financial year", "save 40k by march", "save 40k by q3"})
    void a_deadline_whose_end_drumbeat_does_not_know_is_asked_back_even_on_a_known_day(String text) {
        assertThat(AmountParser.find(text, 0, Optional.of(LocalDate.parse("2026-12-07"))))
                .isInstanceOf(AmountParse.Refused.class);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {"save 40k by the end of the year", "save 40k by the end of the quarter", "save 40k by year end"})
    void a_deadline_instead_of_a_period_is_asked_back_not_read_as_a_month(String text) {
        assertThat(AmountParser.find(text))
                .isInstanceOfSatisfying(
                        AmountParse.Refused.class,
                        refused -> assertThat(refused.reason()).contains("a month", "over 6 months"));
    }

    /** The amount found, or the parse itself when there is none, so a failure shows what was found instead. */
    private static Object amountOf(AmountParse parse) {
        return parse instanceof AmountParse.Found found ? found.amount() : parse;
    }
}
