package dev.drumbeat.catalog.csv;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drumbeat.catalog.Service;
import dev.drumbeat.catalog.ServiceDraft;
import dev.drumbeat.catalog.Tier;
import dev.drumbeat.core.Role;
import dev.drumbeat.people.Person;
import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The CSV reader and the row rules on their own: no database, people given as a list. */
class CatalogCsvParsingTest {
    static final String HEADER =
            "key,name,tier,protected,owner,deputy,unit_cost,unit_name,monthly_demand,monthly_value,team_channel,description";
    static final List<Person> PEOPLE = List.of(
            person("U0ALEX001", "alex", "Alex Morgan", false),
            person("U0SAM0001", "sam", "Sam Lee", false),
            person("U0GONE001", "gone", "Gone Away", true),
            person("U0CHRIS01", "chris.p", "Chris Park", false),
            person("U0CHRIS02", "cpark", "Chris Park", false));

    @Test
    void a_file_saved_from_excel_with_bom_crlf_and_quoted_fields_reads_every_service() throws IOException {
        Outcome outcome = check(fixture("excel-catalog.csv"));

        assertThat(outcome.problems()).isEmpty();
        assertThat(outcome.drafts())
                .extracting(ServiceDraft::key)
                .containsExactly("payments-api", "data-warehouse", "service-desk");
        ServiceDraft payments = outcome.drafts().get(0);
        assertThat(payments.name()).isEqualTo("Payments API");
        assertThat(payments.tier()).isEqualTo(Tier.STRATEGIC);
        assertThat(payments.isProtected()).isTrue();
        assertThat(payments.ownerId()).contains("U0ALEX001");
        assertThat(payments.deputyId()).contains("U0SAM0001");
        assertThat(payments.teamChannel()).contains("C0PAYMENTS");
        assertThat(payments.monthlyDemand()).isEqualByComparingTo("4200000");
        assertThat(payments.description()).isEqualTo("Card and wallet payments, all regions");
        assertThat(outcome.drafts().get(1).description()).isEqualTo("Nightly loads.\r\nOwned by the data team.");
        assertThat(outcome.drafts().get(1).ownerId()).contains("U0ALEX001");
        assertThat(outcome.drafts().get(2).unitCost()).isEqualByComparingTo("18.50");
        assertThat(outcome.drafts().get(2).isProtected()).isFalse();
    }

    @Test
    void a_byte_order_mark_does_not_become_part_of_the_first_column_name() {
        Outcome outcome = check("\uFEFF" + HEADER + "\nbilling,Billing,core,,,,1,,2,3,,\n");

        assertThat(outcome.problems()).isEmpty();
        assertThat(outcome.drafts()).extracting(ServiceDraft::key).containsExactly("billing");
    }

    @Test
    void windows_line_endings_and_blank_trailing_lines_are_accepted() {
        Outcome outcome = check(
                HEADER + "\r\nbilling,Billing,core,no,,,1,,2,3,,\r\nsearch,Search,core,no,,,1,,2,3,,\r\n\r\n\r\n");

        assertThat(outcome.problems()).isEmpty();
        assertThat(outcome.drafts()).extracting(ServiceDraft::name).containsExactly("Billing", "Search");
    }

    @Test
    void quoted_fields_keep_their_commas_and_quotes() {
        Outcome outcome =
                check(HEADER + "\nbilling,\"Billing, \"\"new\"\" edition\",core,no,,,\"1,250.50\",,2,3,,\"a, b\"\n");

        assertThat(outcome.problems()).isEmpty();
        assertThat(outcome.drafts().get(0).name()).isEqualTo("Billing, \"new\" edition");
        assertThat(outcome.drafts().get(0).unitCost()).isEqualByComparingTo("1250.50");
        assertThat(outcome.drafts().get(0).description()).isEqualTo("a, b");
    }

    @Test
    void headers_match_in_any_case_and_order_with_spaces_around_them() {
        Outcome outcome =
                check(" Monthly_Value , KEY,Name ,TIER,unit_cost,monthly_demand\n10,billing,Billing,core,1,2\n");

        assertThat(outcome.problems()).isEmpty();
        assertThat(outcome.drafts().get(0).monthlyValue()).isEqualByComparingTo("10");
        assertThat(outcome.drafts().get(0).unitName()).isEqualTo("unit");
    }

    @Test
    void missing_required_and_unknown_columns_are_each_named_on_line_one() {
        Outcome outcome = check("key,name,colour,unit_cost,monthly_demand\nbilling,Billing,red,1,2\n");

        assertThat(outcome.problems())
                .extracting(CatalogCsvProblem::describe)
                .containsExactlyInAnyOrder(
                        "line 1, column colour: unknown column; the columns are "
                                + String.join(", ", CatalogCsvColumns.IMPORTED),
                        "line 1, column tier: this required column is missing",
                        "line 1, column monthly_value: this required column is missing");
        assertThat(outcome.drafts()).isEmpty();
    }

    @Test
    void the_columns_export_adds_for_people_are_accepted_and_ignored() {
        Outcome outcome = check(
                "key,name,tier,unit_cost,monthly_demand,monthly_value,owner_name,margin,monthly_cost,deputy_name\n"
                        + "billing,Billing,core,1,2,3,Whoever,-99,nonsense,x\n");

        assertThat(outcome.problems()).isEmpty();
        assertThat(outcome.drafts()).hasSize(1);
    }

    @Test
    void a_column_named_twice_is_a_problem() {
        Outcome outcome = check("key,name,tier,unit_cost,monthly_demand,monthly_value,Name\n");

        assertThat(outcome.problems())
                .extracting(CatalogCsvProblem::describe)
                .containsExactly("line 1, column Name: this column appears twice (columns 2 and 7)");
    }

    @Test
    void an_empty_file_asks_for_the_header() {
        assertThat(check("").problems())
                .extracting(CatalogCsvProblem::describe)
                .containsExactly(
                        "line 1: the first line must be the header: " + String.join(",", CatalogCsvColumns.IMPORTED));
    }

    @Test
    void a_bad_number_is_refused_with_the_modal_words() {
        Outcome outcome = check(HEADER + "\nbilling,Billing,core,no,,,\"12,x\",,2,3,,\n");

        assertThat(outcome.problems())
                .extracting(CatalogCsvProblem::describe)
                .containsExactly("line 2, column unit_cost: “12,x” is not a number");
    }

    @Test
    void negative_blank_and_over_precise_amounts_are_refused() {
        Outcome outcome = check(HEADER + "\nbilling,Billing,core,no,,,-1,,,0.125,,\n");

        assertThat(outcome.problems())
                .containsExactly(
                        new CatalogCsvProblem(2, "unit_cost", "the number must be between 0 and 999999999999.99"),
                        new CatalogCsvProblem(2, "monthly_demand", "a number is required"),
                        new CatalogCsvProblem(2, "monthly_value", "at most two decimal places"));
    }

    @Test
    void a_bad_tier_key_name_or_protected_flag_is_refused() {
        Outcome outcome = check(HEADER + "\nBilling API,,gold,maybe,,,1,,2,3,#ops,\n");

        assertThat(outcome.problems())
                .extracting(CatalogCsvProblem::column)
                .containsExactly("key", "name", "tier", "protected", "team_channel");
        assertThat(outcome.problems())
                .extracting(CatalogCsvProblem::reason)
                .contains(
                        "the tier is strategic, core or secondary",
                        "“maybe” is not yes or no (write yes, no, true, false, 1 or 0)");
    }

    @Test
    void protected_accepts_yes_no_true_false_one_zero_and_blank() {
        Outcome outcome = check(HEADER + "\na,A,core,YES,,,1,,1,1,,\nb,B,core,true,,,1,,1,1,,\nc,C,core,1,,,1,,1,1,,\n"
                + "d,D,core,No,,,1,,1,1,,\ne,E,core,FALSE,,,1,,1,1,,\nf,F,core,0,,,1,,1,1,,\ng,G,core,,,,1,,1,1,,\n");

        assertThat(outcome.problems()).isEmpty();
        assertThat(outcome.drafts())
                .extracting(ServiceDraft::isProtected)
                .containsExactly(true, true, true, false, false, false, false);
    }

    @Test
    void a_second_row_with_the_same_key_names_the_first_line() {
        Outcome outcome = check(HEADER + "\nbilling,Billing,core,,,,1,,2,3,,\nsearch,Search,core,,,,1,,2,3,,\n"
                + "billing,Billing again,core,,,,1,,2,3,,\n");

        assertThat(outcome.problems())
                .extracting(CatalogCsvProblem::describe)
                .containsExactly("line 4, column key: the key billing is already used on line 2");
    }

    @Test
    void a_repeated_key_is_reported_even_when_its_first_row_has_problems_of_its_own() {
        Outcome outcome = check(HEADER + "\nbilling,Billing,gold,,,,1,,2,3,,\nbilling,Billing,core,,,,1,,2,3,,\n");

        assertThat(outcome.problems())
                .extracting(CatalogCsvProblem::describe)
                .containsExactly(
                        "line 2, column tier: the tier is strategic, core or secondary",
                        "line 3, column key: the key billing is already used on line 2");
    }

    @Test
    void a_file_separated_by_semicolons_says_to_save_it_with_commas() {
        Outcome outcome = check(HEADER.replace(',', ';') + "\nbilling;Billing;core;;;;1;;2;3;;\n");

        assertThat(outcome.problems())
                .first()
                .extracting(CatalogCsvProblem::reason)
                .asString()
                .startsWith("the values are separated by semicolons; save the file with commas");
    }

    @Test
    void every_bad_row_is_reported_not_just_the_first() {
        Outcome outcome = check(HEADER + "\nbilling,Billing,core,,,,x,,2,3,,\nsearch,Search,core,,,,1,,2,3,,\n"
                + "ledger,Ledger,platinum,,,,1,,2,3,,\n\nmail,Mail,core,,nobody-here,,1,,2,3,,\n");

        assertThat(outcome.problems())
                .extracting(p -> p.line() + " " + p.column())
                .containsExactly("2 unit_cost", "4 tier", "6 owner");
        assertThat(outcome.drafts()).isEmpty();
    }

    @Test
    void owners_are_found_by_slack_id_handle_name_or_real_name_in_any_case() {
        Outcome outcome = check(HEADER + "\na,A,core,,U0ALEX001,,1,,1,1,,\nb,B,core,,@SAM,,1,,1,1,,\n"
                + "c,C,core,,alex,,1,,1,1,,\nd,D,core,,sam lee,,1,,1,1,,\ne,E,core,,<@U0SAM0001|sam>,,1,,1,1,,\n");

        assertThat(outcome.problems()).isEmpty();
        assertThat(outcome.drafts())
                .extracting(d -> d.ownerId().orElseThrow())
                .containsExactly("U0ALEX001", "U0SAM0001", "U0ALEX001", "U0SAM0001", "U0SAM0001");
    }

    @Test
    void an_unknown_ambiguous_or_deactivated_owner_is_a_row_error_but_a_deactivated_deputy_is_not() {
        Outcome outcome = check(HEADER + "\na,A,core,,U0NOBODY1,,1,,1,1,,\nb,B,core,,Chris Park,,1,,1,1,,\n"
                + "c,C,core,,gone,,1,,1,1,,\nd,D,core,,alex,gone,1,,1,1,,\n");

        assertThat(outcome.problems())
                .containsExactly(
                        new CatalogCsvProblem(
                                2,
                                "owner",
                                "Drumbeat doesn't know anyone with the Slack id U0NOBODY1 yet;"
                                        + " they appear once they use Drumbeat"),
                        new CatalogCsvProblem(
                                3,
                                "owner",
                                "“Chris Park” could be U0CHRIS01 (Chris Park) or U0CHRIS02 (Chris Park);"
                                        + " use the Slack id of the one you mean"),
                        new CatalogCsvProblem(
                                4, "owner", "Gone Away (U0GONE001) is deactivated in Slack; pick an active owner"));
    }

    @Test
    void a_deactivated_person_who_already_owns_the_service_may_stay_its_owner() {
        Service current = service("legacy", Optional.of("U0GONE001"));
        Outcome outcome = check(HEADER + "\nlegacy,Legacy,core,,gone,,1,,1,1,,\n", Map.of("legacy", current));

        assertThat(outcome.problems()).isEmpty();
        assertThat(outcome.drafts().get(0).ownerId()).contains("U0GONE001");
    }

    @Test
    void columns_left_out_of_the_file_keep_the_existing_values() {
        Service current = service("legacy", Optional.of("U0SAM0001"));
        Outcome outcome = check(
                "key,name,tier,unit_cost,monthly_demand,monthly_value\nlegacy,Legacy,core,1,1,1\n",
                Map.of("legacy", current));

        ServiceDraft draft = outcome.drafts().get(0);
        assertThat(draft.ownerId()).contains("U0SAM0001");
        assertThat(draft.isProtected()).isTrue();
        assertThat(draft.unitName()).isEqualTo("seat");
        assertThat(draft.description()).isEqualTo("Old mainframe");
    }

    @Test
    void unbalanced_quotes_point_at_their_line() {
        Outcome outcome = check(HEADER + "\nbilling,Billing,core,,,,1,,2,3,,\nsearch,\"Search,core,,,,1,,2,3,,\n");

        assertThat(outcome.problems()).extracting(CatalogCsvProblem::line).containsExactly(3);
    }

    @Test
    void a_row_with_more_values_than_the_header_is_a_problem_unless_the_extra_cells_are_empty() {
        Outcome outcome = check(HEADER + "\nbilling,Billing,core,,,,1,,2,3,,,,\nsearch,Search,core,,,,1,,2,3,,,oops\n");

        assertThat(outcome.problems())
                .extracting(CatalogCsvProblem::describe)
                .containsExactly(
                        "line 3: this line has 13 values but the header has 12 columns; look for a stray comma or quote");
    }

    @Test
    void a_file_that_is_not_utf8_says_how_to_save_it_from_excel() {
        byte[] latin1 = (HEADER + "\nbilling,Réseau,core,,,,1,,2,3,,\n").getBytes(StandardCharsets.ISO_8859_1);

        CatalogCsvSheet sheet = CatalogCsvReader.read(latin1);

        assertThat(sheet.problems())
                .extracting(CatalogCsvProblem::describe)
                .containsExactly(
                        "line 2: this line is not UTF-8 text; in Excel, save the file as “CSV UTF-8 (Comma delimited)”");
    }

    @Test
    void text_a_spreadsheet_would_run_as_a_formula_is_guarded_on_export_and_restored_on_import() {
        for (String text :
                List.of("=HYPERLINK(\"x\")", "+1", "-", "@SUM(A1)", "'=already", "''", "'plain", "plain", "")) {
            String exported = CatalogCsvColumns.guard(text);
            assertThat(CatalogCsvColumns.unguard(exported)).as(text).isEqualTo(text);
            assertThat(exported)
                    .as(text)
                    .doesNotStartWith("=")
                    .doesNotStartWith("+")
                    .doesNotStartWith("@");
        }
    }

    record Outcome(List<ServiceDraft> drafts, List<CatalogCsvProblem> problems) {}

    static Outcome check(String csv) {
        return check(csv, Map.of());
    }

    static Outcome check(String csv, Map<String, Service> existing) {
        CatalogCsvSheet sheet = CatalogCsvReader.read(csv.getBytes(StandardCharsets.UTF_8));
        if (!sheet.problems().isEmpty()) {
            return new Outcome(List.of(), sheet.problems());
        }
        CatalogImportValidator validator = new CatalogImportValidator(PEOPLE, existing, sheet.columns());
        List<ServiceDraft> drafts = validator.validate(sheet.rows());
        return new Outcome(drafts, validator.problems());
    }

    private static String fixture(String name) throws IOException {
        try (InputStream in = CatalogCsvParsingTest.class.getResourceAsStream("/csv/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static Service service(String key, Optional<String> owner) {
        return new Service(
                1,
                "T1",
                key,
                "Legacy",
                Tier.CORE,
                true,
                owner,
                Optional.empty(),
                Optional.empty(),
                BigDecimal.ONE,
                "seat",
                BigDecimal.ONE,
                BigDecimal.ONE,
                "Old mainframe");
    }

    private static Person person(String id, String name, String realName, boolean deactivated) {
        return new Person("T1", id, name, realName, "UTC", deactivated, Role.MEMBER);
    }
}
