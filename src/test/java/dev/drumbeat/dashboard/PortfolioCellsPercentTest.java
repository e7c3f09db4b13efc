package dev.drumbeat.dashboard;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** A difference's per cent carries the difference's sign, even when it rounds to nothing. */
class PortfolioCellsPercentTest {

    @Test
    void a_fall_too_small_to_show_never_reads_as_a_rise() {
        assertThat(PortfolioCells.percent(Optional.of(new BigDecimal("0.0")), new BigDecimal("-4.00")))
                .isEqualTo("−0.0%");
        assertThat(PortfolioCells.percent(Optional.of(new BigDecimal("-12.5")), new BigDecimal("-125.00")))
                .isEqualTo("−12.5%");
        assertThat(PortfolioCells.percent(Optional.of(new BigDecimal("3.0")), new BigDecimal("30.00")))
                .isEqualTo("+3.0%");
        assertThat(PortfolioCells.percent(Optional.empty(), new BigDecimal("30.00")))
                .isEqualTo("no plan");
    }
}
