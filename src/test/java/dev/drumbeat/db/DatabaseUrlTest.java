package dev.drumbeat.db;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class DatabaseUrlTest {

    @Test
    void a_platform_style_url_becomes_jdbc_with_credentials() {
        DatabaseUrl url = DatabaseUrl.parse("postgres://drum:p%40ss@db.internal:6543/drumbeat?sslmode=require");
        assertThat(url.jdbcUrl()).isEqualTo("jdbc:postgresql://db.internal:6543/drumbeat?sslmode=require");
        assertThat(url.user()).contains("drum");
        assertThat(url.password()).contains("p@ss");
        assertThat(url.toString()).doesNotContain("p@ss");
    }

    @Test
    void a_jdbc_url_is_taken_as_it_is() {
        assertThat(DatabaseUrl.parse("jdbc:postgresql://localhost/drumbeat").jdbcUrl())
                .isEqualTo("jdbc:postgresql://localhost/drumbeat");
    }

    @Test
    void anything_else_is_refused_with_the_expected_form() {
        assertThatThrownBy(() -> DatabaseUrl.parse("mysql://localhost/db")).hasMessageContaining("postgres://");
        assertThatThrownBy(() -> DatabaseUrl.parse("postgres://localhost")).hasMessageContaining("database name");
    }

    @Test
    void a_url_that_does_not_parse_is_refused_without_repeating_its_password() {
        assertThatThrownBy(() -> DatabaseUrl.parse("postgres://drum:pa ss^word@db.internal/drumbeat"))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("percent-encoded")
                .hasMessageNotContaining("pa ss^word");
    }
}
