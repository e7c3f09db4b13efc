package dev.drumbeat.apitoken;

import static org.assertj.core.api.Assertions.assertThat;

import dev.drumbeat.audit.AuditDao;
import dev.drumbeat.support.DrumbeatExtension;
import dev.drumbeat.support.SlackReply;
import dev.drumbeat.support.TestDrumbeat;
import java.io.IOException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;

/** `/drumbeat token …` end to end: signed slash commands in, tokens stored as hashes, audited. */
class ApiTokenCommandTest {
    static final Pattern TOKEN = Pattern.compile("dbt_[A-Za-z0-9_-]{32}");

    @RegisterExtension
    static final DrumbeatExtension drumbeat = DrumbeatExtension.withApp();

    @Test
    void create_shows_the_token_once_and_stores_only_its_sha256() {
        String text = reply("token create monitoring");

        Matcher token = TOKEN.matcher(text);
        assertThat(token.find()).as(text).isTrue();
        assertThat(text).contains("won't be shown again");
        String stored = drumbeat.jdbi()
                .withHandle(h -> h.createQuery("select token_hash from api_tokens where label = 'monitoring'")
                        .mapTo(String.class)
                        .one());
        assertThat(stored)
                .isEqualTo(ApiTokenService.hash(token.group()))
                .hasSize(64)
                .doesNotContain(token.group().substring(4));
        int rowsHoldingTheToken = drumbeat.jdbi()
                .withHandle(h -> h.createQuery("select count(*) from api_tokens t where t::text like :token")
                        .bind("token", "%" + token.group().substring(4) + "%")
                        .mapTo(Integer.class)
                        .one());
        assertThat(rowsHoldingTheToken).isZero();
    }

    @Test
    void two_tokens_are_never_the_same() {
        String first = token(reply("token create first-of-two"));
        String second = token(reply("token create second-of-two"));

        assertThat(first).isNotEqualTo(second).startsWith("dbt_").hasSize(36);
    }

    @Test
    void a_member_cannot_create_list_or_revoke_tokens() {
        var member = drumbeat.user("U0MEMBER1", "mel");

        for (String command : List.of("token create sneaky", "token list", "token revoke monitoring")) {
            String text = drumbeat.command(member, "C1", command).text();
            assertThat(text).as(command).contains("Only a Drumbeat admin can manage API tokens");
        }
        assertThat(drumbeat.count("api_tokens where label = 'sneaky'")).isZero();
    }

    @Test
    void a_second_live_token_with_the_same_label_is_refused() {
        reply("token create grafana");

        assertThat(reply("token create grafana")).contains("A token labelled `grafana` already exists");
        assertThat(drumbeat.count("api_tokens where label = 'grafana'")).isEqualTo(1);
    }

    @Test
    void a_label_with_spaces_or_symbols_is_refused_with_an_example() {
        assertThat(reply("token create my token!"))
                .contains("A token label is 1 to 40 letters", "/drumbeat token create monitoring");
        assertThat(reply("token create")).contains("A token label is 1 to 40 letters");
    }

    @Test
    void list_shows_label_creator_dates_last_use_and_revocation() throws Exception {
        String token = token(reply("token create listed"));
        reply("token create listed-and-revoked");
        reply("token revoke listed-and-revoked");
        assertThat(useApi(token)).isEqualTo(200);

        String text = reply("token list");

        assertThat(text)
                .contains(
                        "*listed* — live; created by <@" + TestDrumbeat.ADMIN + "> <!date^",
                        "*listed-and-revoked* — *revoked* <!date^",
                        "last used never");
        assertThat(text).containsPattern("\\*listed\\* — live; created by .*; last used <!date\\^");
    }

    @Test
    void revoking_an_unknown_label_says_how_to_see_the_tokens() {
        assertThat(reply("token revoke nothing-like-this"))
                .contains("There is no live token labelled `nothing-like-this`", "/drumbeat token list");
    }

    @Test
    void creating_and_revoking_are_audited_without_the_token() {
        String token = token(reply("token create audited"));
        reply("token revoke audited");

        List<String> audit = drumbeat.jdbi().withExtension(AuditDao.class, dao -> dao.describeAll(TestDrumbeat.TEAM));
        assertThat(audit)
                .contains(
                        "create api_token audited by " + TestDrumbeat.ADMIN,
                        "revoke api_token audited by " + TestDrumbeat.ADMIN);
        assertThat(drumbeat.count("audit_log where coalesce(after::text, '') like '%" + token.substring(4) + "%'"
                        + " or coalesce(after::text, '') like '%" + ApiTokenService.hash(token) + "%'"))
                .isZero();
    }

    @Test
    void an_unknown_action_explains_the_three_that_exist() {
        assertThat(reply("token rotate monitoring"))
                .contains(
                        "/drumbeat token create &lt;label&gt;",
                        "/drumbeat token list",
                        "/drumbeat token revoke &lt;label&gt;");
    }

    /** Every text of the admin's answer to the command. */
    private static String reply(String command) {
        SlackReply reply = drumbeat.command(drumbeat.admin(), "C1", command);
        assertThat(reply.status()).isEqualTo(200);
        return reply.text();
    }

    private static String token(String text) {
        Matcher token = TOKEN.matcher(text);
        assertThat(token.find()).as(text).isTrue();
        return token.group();
    }

    private static int useApi(String token) throws IOException, InterruptedException {
        HttpRequest request = HttpRequest.newBuilder(drumbeat.url("/api/v1/catalog.csv"))
                .header("Authorization", "Bearer " + token)
                .GET()
                .build();
        return HttpClient.newHttpClient()
                .send(request, HttpResponse.BodyHandlers.ofString())
                .statusCode();
    }
}
