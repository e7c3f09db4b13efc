package dev.drumbeat.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drumbeat.core.Money;
import java.math.BigDecimal;
import org.junit.jupiter.api.Test;

class CatalogViewsTest {

    @Test
    void units_sit_where_a_reader_expects_them() {
        assertThat(Money.measure(new BigDecimal("17.79"), "$")).isEqualTo("$17.79");
        assertThat(Money.measure(new BigDecimal("99.9"), "%")).isEqualTo("99.9%");
        assertThat(Money.measure(new BigDecimal("310"), "ms")).isEqualTo("310 ms");
        assertThat(Money.measure(new BigDecimal("42"), "")).isEqualTo("42");
        assertThat(Money.measure(new BigDecimal("3.50"), "ms")).isEqualTo("3.5 ms");
    }

    @Test
    void unit_names_are_made_plural_once() {
        assertThat(CatalogViews.plural("account")).isEqualTo("accounts");
        assertThat(CatalogViews.plural("1k transactions")).isEqualTo("1k transactions");
        assertThat(CatalogViews.plural("GB-month")).isEqualTo("GB-months");
    }
}
