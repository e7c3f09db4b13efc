package dev.drumbeat.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** DRUMBEAT_COSTS_DIR and DRUMBEAT_COSTS_MAX_UPLOAD: how bills reach Drumbeat besides the command line. */
class CostsIntakeConfigTest {

    @TempDir
    Path dir;

    private static Map<String, String> with(String... pairs) {
        Map<String, String> env = new HashMap<>();
        env.put("SLACK_BOT_TOKEN", "xoxb-1-2-secretvalue");
        env.put("SLACK_SIGNING_SECRET", "shhh-signing-secret");
        for (int i = 0; i < pairs.length; i += 2) {
            env.put(pairs[i], pairs[i + 1]);
        }
        return env;
    }

    @Test
    void without_settings_there_is_no_folder_and_an_upload_may_be_two_gibibytes() {
        CostsIntake intake = new ConfigLoader(with()).load().costsIntake();

        assertThat(intake.folder()).isEmpty();
        assertThat(intake.maxUpload()).isEqualTo(2L * 1024 * 1024 * 1024);
        assertThat(CostsIntake.size(intake.maxUpload())).isEqualTo("2 GiB");
    }

    @Test
    void the_upload_limit_is_read_in_bytes_or_with_a_unit() {
        String[][] cases = {
            {"1048576", "1048576"},
            {"512KiB", "524288"},
            {"500 MB", "500000000"},
            {"3g", "3221225472"},
            {"1.5GiB", "1610612736"},
            {"10 mib", "10485760"},
        };
        for (String[] c : cases) {
            assertThat(new ConfigLoader(with("DRUMBEAT_COSTS_MAX_UPLOAD", c[0]))
                            .load()
                            .costsIntake()
                            .maxUpload())
                    .as(c[0])
                    .isEqualTo(Long.parseLong(c[1]));
        }
    }

    @Test
    void a_bad_upload_limit_stops_the_start_with_how_to_write_one() {
        for (String bad : new String[] {"lots", "2 gigs", "0", "0.5", "-5MB", "9999999999TiB"}) {
            assertThatThrownBy(() -> new ConfigLoader(with("DRUMBEAT_COSTS_MAX_UPLOAD", bad)).load())
                    .as(bad)
                    .isInstanceOf(ConfigException.class)
                    .hasMessageStartingWith("DRUMBEAT_COSTS_MAX_UPLOAD is malformed: ")
                    .hasMessageContaining("such as 2GiB, 500MB or 1048576 (bytes)")
                    .hasMessageNotContaining("\n");
        }
    }

    @Test
    void the_costs_folder_must_be_a_folder_that_exists() throws Exception {
        assertThat(new ConfigLoader(with("DRUMBEAT_COSTS_DIR", dir.toString()))
                        .load()
                        .costsIntake()
                        .folder())
                .contains(dir);
        Path file = Files.writeString(dir.resolve("a-file"), "x");

        assertThatThrownBy(() -> new ConfigLoader(with(
                                "DRUMBEAT_COSTS_DIR", dir.resolve("missing").toString()))
                        .load())
                .isInstanceOf(ConfigException.class)
                .hasMessage("DRUMBEAT_COSTS_DIR is malformed: there is no folder " + dir.resolve("missing")
                        + "; create it, or point the setting at the folder where the exports are synced");
        assertThatThrownBy(() -> new ConfigLoader(with("DRUMBEAT_COSTS_DIR", file.toString())).load())
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("is a file, not a folder");
    }

    @Test
    void the_config_prints_its_costs_intake() {
        Config config = new ConfigLoader(with("DRUMBEAT_COSTS_MAX_UPLOAD", "64MiB")).load();

        assertThat(config.toString()).contains("costsFolder=-", "costsMaxUpload=64 MiB");
        assertThat(config.withCostsIntake(new CostsIntake(Optional.of(dir), 1000))
                        .costsIntake()
                        .folder())
                .contains(dir);
    }
}
