package dev.drumbeat.chart;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drumbeat.support.DrumbeatExtension;
import dev.drumbeat.support.SlackReply;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** Without a public address there is nowhere a chart could be fetched from, so Drumbeat sends no image at all. */
class ChartImagesNoPublicUrlTest {
    @RegisterExtension
    static final DrumbeatExtension drumbeat = DrumbeatExtension.withApp();

    @BeforeEach
    void seed() {
        ChartImagesTest.seed(drumbeat);
    }

    @Test
    void without_a_public_address_the_card_has_no_image() {
        SlackReply reply = drumbeat.command(drumbeat.user("U0ALICE01", "alice"), "status payments-api");

        assertThat(reply.text()).contains("Availability: 99.2%");
        assertThat(ChartImagesTest.images(reply.blocks())).isEmpty();
    }
}
