package dev.drumbeat.catalog;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class ServiceFieldsTest {

    @Test
    void amounts_accept_grouping_and_currency_symbols() {
        assertThat(ServiceFields.amount("1,200.50")).isEqualByComparingTo("1200.50");
        assertThat(ServiceFields.amount(" $1,234,567 ")).isEqualByComparingTo("1234567");
        assertThat(ServiceFields.amount("€40")).isEqualByComparingTo(new BigDecimal("40"));
        assertThat(ServiceFields.amount("0.12")).isEqualByComparingTo("0.12");
    }

    @Test
    void a_decimal_comma_is_refused_instead_of_read_as_thousands() {
        assertThatThrownBy(() -> ServiceFields.amount("12,50")).hasMessageContaining("ambiguous");
        assertThatThrownBy(() -> ServiceFields.amount("1,2345")).hasMessageContaining("ambiguous");
    }

    @Test
    void non_numbers_negatives_and_sub_cent_amounts_are_refused_with_reasons() {
        assertThatThrownBy(() -> ServiceFields.amount("twelve")).hasMessage("“twelve” is not a number");
        assertThatThrownBy(() -> ServiceFields.amount("12,x")).hasMessage("“12,x” is not a number");
        assertThatThrownBy(() -> ServiceFields.amount("-5")).hasMessageContaining("between 0 and");
        assertThatThrownBy(() -> ServiceFields.amount("0.125")).hasMessage("at most two decimal places");
        assertThatThrownBy(() -> ServiceFields.amount(" ")).hasMessage("a number is required");
    }

    @Test
    void keys_are_slugs_and_tiers_are_the_three_known_ones() {
        assertThat(ServiceFields.key(" payments-api ")).isEqualTo("payments-api");
        assertThatThrownBy(() -> ServiceFields.key("Payments API")).hasMessageContaining("lower-case letters");
        assertThatThrownBy(() -> ServiceFields.key("a".repeat(70)))
                .hasMessage("a key is at most 63 characters, and this one has 70");
        assertThat(ServiceFields.key("a".repeat(63))).hasSize(63);
        assertThat(ServiceFields.tier("Strategic")).isEqualTo(Tier.STRATEGIC);
        assertThatThrownBy(() -> ServiceFields.tier("gold")).hasMessageContaining("strategic, core or secondary");
    }
}
