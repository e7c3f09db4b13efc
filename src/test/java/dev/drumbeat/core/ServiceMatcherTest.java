package dev.drumbeat.core;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.InstanceOfAssertFactories.type;

import dev.drumbeat.core.ServiceMatcher.Ambiguous;
import dev.drumbeat.core.ServiceMatcher.Candidate;
import dev.drumbeat.core.ServiceMatcher.Found;
import dev.drumbeat.core.ServiceMatcher.NotFound;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class ServiceMatcherTest {

    private static final List<Candidate> CATALOG = List.of(
            new Candidate("payments-api", "Payments API"),
            new Candidate("core-banking-ledger", "Core Banking Ledger"),
            new Candidate("customer-relationship-management", "Customer Relationship Management"),
            new Candidate("mobile-banking-app", "Mobile Banking App"),
            new Candidate("fraud-detection", "Fraud Detection"),
            new Candidate("card-issuing-platform", "Card Issuing Platform"),
            new Candidate("legacy-mainframe-maintenance", "Legacy Mainframe Maintenance"),
            new Candidate("data-warehouse", "Data Warehouse"),
            new Candidate("identity-access-management", "Identity & Access Management"),
            new Candidate("service-desk", "Service Desk"),
            new Candidate("email-collaboration", "Email & Collaboration"),
            new Candidate("trading-platform", "Trading Platform"),
            new Candidate("trade-settlement", "Trade Settlement"),
            new Candidate("network-operations", "Network Operations"),
            new Candidate("backup-recovery", "Backup & Recovery"),
            new Candidate("recon-engine", "Réconciliation Engine"));

    @Test
    void names_that_differ_only_in_case_accents_spacing_or_punctuation_have_one_name_key() {
        assertThat(ServiceMatcher.nameKey("Payments Gateway"))
                .isEqualTo(ServiceMatcher.nameKey("payments-gateway"))
                .isEqualTo(ServiceMatcher.nameKey("PaymentsGateway"))
                .isEqualTo(ServiceMatcher.nameKey(" “PAYMENTS  gateway” "))
                .isEqualTo("paymentsgateway");
        assertThat(ServiceMatcher.nameKey("Café Wi-Fi")).isEqualTo(ServiceMatcher.nameKey("cafe wifi"));
        assertThat(ServiceMatcher.nameKey("Payments Gateway 2"))
                .isNotEqualTo(ServiceMatcher.nameKey("Payments Gateway"));
        assertThat(ServiceMatcher.nameKey(" ... ")).isEqualTo("...");
    }

    @Test
    void the_name_in_any_case_and_spacing_finds_the_service() {
        assertThat(foundName("  payments    API ")).isEqualTo("Payments API");
        assertThat(foundName("CORE banking LEDGER")).isEqualTo("Core Banking Ledger");
        assertThat(foundName("Identity & Access Management")).isEqualTo("Identity & Access Management");
    }

    @Test
    void the_key_typed_with_dashes_underscores_dots_or_slashes_finds_the_service() {
        assertThat(foundName("payments-api")).isEqualTo("Payments API");
        assertThat(foundName("Core_Banking_Ledger")).isEqualTo("Core Banking Ledger");
        assertThat(foundName("data.warehouse")).isEqualTo("Data Warehouse");
        assertThat(foundName("service / desk")).isEqualTo("Service Desk");
    }

    @Test
    void accents_on_either_side_are_ignored() {
        assertThat(foundName("Fráud Detéction")).isEqualTo("Fraud Detection");
        assertThat(foundName("reconciliation engine")).isEqualTo("Réconciliation Engine");
    }

    @Test
    void surrounding_quotes_and_a_leading_hash_are_ignored() {
        assertThat(foundName("\"Data Warehouse\"")).isEqualTo("Data Warehouse");
        assertThat(foundName("“trading platform”")).isEqualTo("Trading Platform");
        assertThat(foundName("#service-desk")).isEqualTo("Service Desk");
        assertThat(foundName("'#network-operations'")).isEqualTo("Network Operations");
    }

    @Test
    void words_run_together_still_find_the_service() {
        assertThat(foundName("paymentsapi")).isEqualTo("Payments API");
        assertThat(foundName("DataWarehouse")).isEqualTo("Data Warehouse");
        assertThat(foundName("identityaccess management")).isEqualTo("Identity & Access Management");
    }

    @Test
    void an_initialism_finds_the_service() {
        assertThat(foundName("CRM")).isEqualTo("Customer Relationship Management");
        assertThat(foundName("iam")).isEqualTo("Identity & Access Management");
    }

    @Test
    void an_initialism_shared_by_two_services_finds_neither() {
        List<Candidate> catalog = new ArrayList<>(CATALOG);
        catalog.add(new Candidate("trade-processing", "Trade Processing"));

        assertThat(ServiceMatcher.match("tp", CATALOG)).isInstanceOf(Found.class);
        assertThat(ServiceMatcher.match("tp", catalog)).isEqualTo(new NotFound(List.of()));
    }

    @Test
    void a_unique_prefix_finds_the_service() {
        assertThat(foundName("mobile")).isEqualTo("Mobile Banking App");
        assertThat(foundName("core banking")).isEqualTo("Core Banking Ledger");
        assertThat(foundName("legacy main")).isEqualTo("Legacy Mainframe Maintenance");
    }

    @Test
    void a_prefix_of_one_or_two_letters_is_only_a_suggestion() {
        assertThat(suggestedNames("mo")).containsExactly("Mobile Banking App");
    }

    @Test
    void words_contained_in_only_one_name_find_it() {
        assertThat(foundName("banking app")).isEqualTo("Mobile Banking App");
        assertThat(foundName("access management")).isEqualTo("Identity & Access Management");
        assertThat(foundName("settlement")).isEqualTo("Trade Settlement");
    }

    @Test
    void a_word_contained_in_several_names_lists_them_all() {
        assertThat(ambiguousNames("banking")).containsExactly("Mobile Banking App", "Core Banking Ledger");
        assertThat(ambiguousNames("platform")).containsExactly("Trading Platform", "Card Issuing Platform");
    }

    @Test
    void a_prefix_shared_by_two_services_lists_both() {
        assertThat(ambiguousNames("trad")).containsExactly("Trading Platform", "Trade Settlement");
    }

    @Test
    void a_name_shared_by_two_services_is_ambiguous() {
        List<Candidate> catalog = List.of(
                new Candidate("payments-api", "Payments API"), new Candidate("payments-api-eu", "Payments  api"));

        assertThat(ServiceMatcher.match("payments api", catalog)).isEqualTo(new Ambiguous(catalog));
    }

    @Test
    void an_exact_name_wins_over_a_longer_name_it_starts() {
        List<Candidate> catalog = List.of(
                new Candidate("trade-settlement-reporting", "Trade Settlement Reporting"),
                new Candidate("trade-settlement", "Trade Settlement"));

        assertThat(ServiceMatcher.match("trade settlement", catalog)).isEqualTo(new Found(catalog.get(1)));
    }

    @Test
    void a_transposed_letter_still_finds_the_service() {
        assertThat(foundName("paymnets")).isEqualTo("Payments API");
        assertThat(foundName("fraud detcetion")).isEqualTo("Fraud Detection");
    }

    @Test
    void a_missing_or_wrong_letter_still_finds_the_service() {
        assertThat(foundName("Payment-API")).isEqualTo("Payments API");
        assertThat(foundName("warehoose")).isEqualTo("Data Warehouse");
    }

    @Test
    void two_typos_in_a_long_name_still_find_the_service() {
        assertThat(foundName("trade setlment")).isEqualTo("Trade Settlement");
        assertThat(foundName("netwrk operatons")).isEqualTo("Network Operations");
    }

    @Test
    void equally_close_typos_are_ambiguous() {
        assertThat(ambiguousNames("bankng")).containsExactly("Core Banking Ledger", "Mobile Banking App");
    }

    @Test
    void a_typo_too_far_is_not_found_but_suggested() {
        assertThat(suggestedNames("frod detecton")).startsWith("Fraud Detection");
        assertThat(suggestedNames("paymts")).containsExactly("Payments API");
    }

    @Test
    void a_short_word_gets_no_typo_allowance() {
        assertThat(suggestedNames("dta")).containsExactly("Data Warehouse");
    }

    @Test
    void nonsense_is_not_found_and_suggests_nothing() {
        assertThat(ServiceMatcher.match("xylophone quartz", CATALOG)).isEqualTo(new NotFound(List.of()));
        assertThat(ServiceMatcher.match("zzqq", CATALOG)).isEqualTo(new NotFound(List.of()));
    }

    @Test
    void blank_input_is_not_found_and_suggests_nothing() {
        NotFound nothing = new NotFound(List.of());
        assertThat(ServiceMatcher.match("", CATALOG)).isEqualTo(nothing);
        assertThat(ServiceMatcher.match("   ", CATALOG)).isEqualTo(nothing);
        assertThat(ServiceMatcher.match(null, CATALOG)).isEqualTo(nothing);
        assertThat(ServiceMatcher.match("\"#\"", CATALOG)).isEqualTo(nothing);
    }

    @Test
    void an_empty_catalog_finds_nothing() {
        assertThat(ServiceMatcher.match("payments", List.of())).isEqualTo(new NotFound(List.of()));
    }

    @Test
    void ambiguous_answers_list_at_most_five_and_suggestions_at_most_three() {
        List<Candidate> batches = IntStream.rangeClosed(1, 8)
                .mapToObj(n -> new Candidate("batch-job-" + n, "Batch Job " + n))
                .toList();

        assertThat(ServiceMatcher.match("batch", batches))
                .asInstanceOf(type(Ambiguous.class))
                .extracting(Ambiguous::candidates)
                .isEqualTo(batches.subList(0, 5));
        assertThat(ServiceMatcher.match("btch jbo", batches))
                .asInstanceOf(type(NotFound.class))
                .extracting(NotFound::suggestions)
                .isEqualTo(batches.subList(0, 3));
    }

    @Test
    void a_typo_still_finds_the_one_service_among_ten_thousand() {
        List<Candidate> catalog = largeCatalog(10_000);
        assertThat(ServiceMatcher.match("suoth ledger 7777", catalog)).isEqualTo(new Found(catalog.get(7_777)));
    }

    @Test
    void the_bounded_edit_distance_agrees_with_the_full_table_on_random_words() {
        Random random = new Random(20_240_601);
        for (int trial = 0; trial < 20_000; trial++) {
            String typed = randomWord(random);
            String text = randomWord(random);
            int max = random.nextInt(5);

            assertThat(EditDistance.between(typed, text, max))
                    .as("%s to %s within %d", typed, text, max)
                    .isEqualTo(Math.min(fullTableDistance(typed, text), max + 1));
            assertThat(EditDistance.toPrefix(typed, text, max))
                    .as("%s to a prefix of %s within %d", typed, text, max)
                    .isEqualTo(Math.min(closestPrefixDistance(typed, text), max + 1));
        }
    }

    /** Textbook optimal string alignment, unbounded, as the reference for the bounded version. */
    private static int fullTableDistance(String a, String b) {
        int[][] table = new int[a.length() + 1][b.length() + 1];
        for (int i = 0; i <= a.length(); i++) {
            for (int j = 0; j <= b.length(); j++) {
                table[i][j] = i == 0 || j == 0
                        ? i + j
                        : Math.min(
                                table[i - 1][j - 1] + (a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1),
                                Math.min(table[i - 1][j], table[i][j - 1]) + 1);
                if (i > 1 && j > 1 && a.charAt(i - 1) == b.charAt(j - 2) && a.charAt(i - 2) == b.charAt(j - 1)) {
                    table[i][j] = Math.min(table[i][j], table[i - 2][j - 2] + 1);
                }
            }
        }
        return table[a.length()][b.length()];
    }

    private static int closestPrefixDistance(String typed, String text) {
        return IntStream.rangeClosed(0, text.length())
                .map(end -> fullTableDistance(typed, text.substring(0, end)))
                .min()
                .orElseThrow();
    }

    /** Few letters, so that matches, repeats and swaps are common. */
    private static String randomWord(Random random) {
        StringBuilder word = new StringBuilder();
        random.ints(random.nextInt(11), 'a', 'd').forEach(letter -> word.append((char) letter));
        return word.toString();
    }

    private static List<Candidate> largeCatalog(int size) {
        List<String> regions = List.of("north", "south", "east", "west", "central", "global", "retail", "wholesale");
        List<String> systems = List.of("pricing engine", "ledger", "gateway", "reporting", "risk model", "onboarding");
        return IntStream.range(0, size)
                .mapToObj(n -> regions.get(n % regions.size()) + " " + systems.get(n % systems.size()) + " " + n)
                .map(name -> new Candidate(name.replace(' ', '-'), name))
                .toList();
    }

    private static String foundName(String typed) {
        return assertThat(ServiceMatcher.match(typed, CATALOG))
                .asInstanceOf(type(Found.class))
                .actual()
                .candidate()
                .name();
    }

    private static List<String> ambiguousNames(String typed) {
        return assertThat(ServiceMatcher.match(typed, CATALOG))
                .asInstanceOf(type(Ambiguous.class))
                .actual()
                .candidates()
                .stream()
                .map(Candidate::name)
                .toList();
    }

    private static List<String> suggestedNames(String typed) {
        return assertThat(ServiceMatcher.match(typed, CATALOG))
                .asInstanceOf(type(NotFound.class))
                .actual()
                .suggestions()
                .stream()
                .map(Candidate::name)
                .toList();
    }
}
