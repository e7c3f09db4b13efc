package dev.drumbeat.core;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class UnitsTest {

    @ParameterizedTest(name = "{0} {1} reads {0} {2}")
    @CsvSource(
            delimiter = ';',
            value = {
                "85; server; servers",
                "1; server; server",
                "1; incidents; incident",
                "0; incident; incidents",
                "10.5; u; u",
                "3; ms; ms",
                "12; GB; GB",
                "40; MIPS; MIPS",
                "12; VM; VMs",
                "1; VMs; VM",
                "3; GB-month; GB-months",
                "3; call-minute; call-minutes",
                "3; GB ingested; GB ingested",
                "3; TB protected; TB protected",
                "3; 1k transactions; 1k transactions",
                "1; 1k transactions; 1k transactions",
                "3; million API calls; million API calls",
                "1; million API calls; million API call",
                "4; branch; branches",
                "1; branches; branch",
                "6; identity; identities",
                "1; identities; identity",
                "5; active user; active users",
                "2; licence; licences",
                "2; box; boxes",
                "2; class; classes",
                "2; day; days",
                "1; hours; hour",
                "2; Server; Servers",
                "2; %; %",
                "2; m²; m²",
                "1; tickets per week; tickets per week",
                "3; requests/s; requests/s"
            })
    void a_unit_takes_the_form_its_number_needs(String quantity, String unit, String shown) {
        assertThat(Units.forQuantity(unit, new BigDecimal(quantity))).isEqualTo(shown);
    }
}
