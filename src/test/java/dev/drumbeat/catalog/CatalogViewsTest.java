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
    void a_kpi_value_takes_its_unit_in_the_form_its_number_needs() {
        assertThat(Money.measure(BigDecimal.ONE, "incidents")).isEqualTo("1 incident");
        assertThat(Money.measure(new BigDecimal("3"), "incidents")).isEqualTo("3 incidents");
        assertThat(Money.measure(new BigDecimal("1.00"), "hours")).isEqualTo("1 hour");
        assertThat(Money.measure(new BigDecimal("2.5"), "ticket")).isEqualTo("2.5 tickets");
        assertThat(Money.measure(BigDecimal.ONE, "ms")).isEqualTo("1 ms");
    }
}
