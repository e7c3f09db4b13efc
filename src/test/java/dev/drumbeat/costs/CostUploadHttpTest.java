package dev.drumbeat.costs;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.drumbeat.config.CostsIntake;
import dev.drumbeat.support.DrumbeatExtension;
import dev.drumbeat.support.FocusExports;
import dev.drumbeat.support.FocusExports.Shape;
import dev.drumbeat.support.TestDrumbeat;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.net.Socket;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * `POST /api/v1/costs/imports` over real HTTP: a provider's export, every part of it, uploaded with an admin's API
 * token, streamed to a folder per upload under the data folder, and imported whole or not at all. The upload limit is
 * set small here so an upload over it is quick to send.
 */
@Timeout(60)
class CostUploadHttpTest {
    static final ObjectMapper JSON = new ObjectMapper();
    static final long LIMIT = 256 * 1024;
    static final Path DATA = temporaryFolder();
    static final String BOUNDARY = "drumbeat-test-boundary-7MA4YWxkTrZu0gW";

    @RegisterExtension
    static final DrumbeatExtension drumbeat = DrumbeatExtension.withApp(
            config -> config.withDataDir(DATA).withCostsIntake(new CostsIntake(Optional.empty(), LIMIT)));

    static final HttpClient http = HttpClient.newHttpClient();

    @TempDir
    Path dir;

    String token;

    @BeforeEach
    void anAdminsTokenAndNoUploadsYet() throws IOException {
        token = drumbeat.apiToken("bills");
        if (Files.exists(DATA)) {
            try (Stream<Path> all = Files.walk(DATA)) {
                for (Path path : all.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(path);
                }
            }
        }
    }

    /** The data folder, alone in a folder of its own, so a file that escaped it would be found beside it. */
    private static Path temporaryFolder() {
        try {
            return Files.createTempDirectory("drumbeat-upload-test").resolve("data");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static FocusExports march() {
        FocusExports export = new FocusExports(Shape.AWS);
        for (int i = 0; i < 30; i++) {
            export.usage("000123456789", "Compute", "0.1");
        }
        return export.usage("000123456789", "Storage", "1234.5678")
                .charge("Credit", "000123456789", "Compute", "-50.25", "-50.25");
    }

    @Test
    void an_export_in_gzip_parts_lands_whole_with_its_totals_and_its_files_are_kept() throws Exception {
        List<Path> parts = march().write(dir, ".csv.gz", 3);

        HttpResponse<String> response = post(token, multipart(parts));

        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.path("imported").asBoolean()).isTrue();
        assertThat(body.path("rows").asLong()).isEqualTo(32);
        assertThat(body.path("lines").toString())
                .contains("account 012345678901, March 2025: $1,187.32 amortised (32 rows; credits \u2212$50.25)");
        assertThat(body.path("message").asText())
                .isEqualTo("Imported 32 rows from 3 files into " + TestDrumbeat.TEAM + ".");
        assertThat(decimal("select effective_cost from cost_periods")).isEqualByComparingTo("1187.3178");
        assertThat(text("select imported_by from cost_imports")).isEqualTo(TestDrumbeat.ADMIN);
        List<Path> kept = uploaded();
        assertThat(kept)
                .extracting(p -> p.getFileName().toString())
                .containsExactlyInAnyOrder(
                        "focus-aws-part-1.csv.gz", "focus-aws-part-2.csv.gz", "focus-aws-part-3.csv.gz");
        assertThat(Files.readAllBytes(kept.stream()
                        .filter(p -> p.endsWith("focus-aws-part-2.csv.gz"))
                        .findFirst()
                        .orElseThrow()))
                .isEqualTo(Files.readAllBytes(parts.get(1)));
        assertThat(drumbeat.count("cost_intake_files where origin = 'upload' and import_id is not null"))
                .isEqualTo(3);
        assertThat(new CostMonths(drumbeat.jdbi(), drumbeat.clock()).importedFiles(TestDrumbeat.TEAM))
                .singleElement()
                .satisfies(imported -> assertThat(imported.files()).containsExactlyInAnyOrderElementsOf(kept));
    }

    @Test
    void an_export_in_parquet_parts_lands_whole_and_each_upload_gets_its_own_folder() throws Exception {
        FocusExports azure = new FocusExports(Shape.AZURE);
        for (int i = 0; i < 9; i++) {
            azure.usage("/subscriptions/" + i, "Virtual Machines", "11.11");
        }

        HttpResponse<String> first = post(token, multipart(azure.write(dir.resolve("one"), ".parquet", 3)));
        HttpResponse<String> again = post(token, multipart(azure.write(dir.resolve("two"), ".parquet", 3)));

        assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
        assertThat(again.statusCode()).as(again.body()).isEqualTo(200);
        assertThat(JSON.readTree(again.body()).path("lines").toString())
                .contains("account 8611537, March 2025: $99.99 amortised (9 rows)", "replacing $99.99");
        assertThat(decimal("select effective_cost from cost_periods")).isEqualByComparingTo("99.99");
        assertThat(uploaded()).hasSize(6);
        assertThat(uploadFolders()).hasSize(2);
    }

    @Test
    void without_a_token_or_with_a_wrong_one_it_answers_401_and_keeps_nothing() throws Exception {
        byte[] body = multipart(march().write(dir, ".csv", 1));

        HttpResponse<String> none = http.send(
                request().POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(),
                HttpResponse.BodyHandlers.ofString());
        HttpResponse<String> wrong = post("dbt_" + "A".repeat(32), body);

        assertThat(none.statusCode()).isEqualTo(401);
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(JSON.readTree(wrong.body()).path("error").asText()).isEqualTo("This API token is not valid.");
        assertThat(uploaded()).isEmpty();
        assertThat(drumbeat.count("cost_imports")).isZero();
    }

    @Test
    void an_upload_declared_over_the_limit_is_refused_before_it_is_sent_saying_how_to_import_big_exports()
            throws Exception {
        String response;
        try (Socket socket = new Socket("127.0.0.1", drumbeat.url("/").getPort())) {
            socket.setSoTimeout(10_000);
            socket.getOutputStream()
                    .write(("POST " + CostUploadRoutes.PATH + " HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                                    + "Authorization: Bearer " + token + "\r\n"
                                    + "Content-Type: multipart/form-data; boundary=" + BOUNDARY + "\r\n"
                                    + "Content-Length: 5000000000\r\nExpect: 100-continue\r\n\r\n")
                            .getBytes(StandardCharsets.US_ASCII));
            socket.getOutputStream().flush();
            response = oneResponse(socket.getInputStream());
        }

        assertThat(response).startsWith("HTTP/1.1 413 ");
        assertThat(response).doesNotContain("100 Continue");
        assertThat(response.substring(response.indexOf("\r\n\r\n") + 4))
                .contains("That upload is larger than the 256 KiB Drumbeat takes over HTTP"
                        + " (DRUMBEAT_COSTS_MAX_UPLOAD), so nothing was kept or imported. Import a big export from"
                        + " the folder Drumbeat scans (DRUMBEAT_COSTS_DIR), or with `drumbeat costs import <files…>`"
                        + " on the server.");
        assertThat(uploadFolders()).isEmpty();
        assertThat(drumbeat.count("cost_imports")).isZero();
    }

    @Test
    void an_upload_without_a_length_that_streams_past_the_limit_is_cut_off_with_413_and_leaves_no_file()
            throws Exception {
        byte[] good = multipart(march().write(dir, ".csv", 2));
        byte[] big = new byte[(int) LIMIT * 2];
        Arrays.fill(big, (byte) 'x');
        byte[] body = concat(Arrays.copyOf(good, good.length - closing().length), part("huge.csv", big), closing());
        HttpRequest streamed = request()
                .header("Authorization", "Bearer " + token)
                .POST(HttpRequest.BodyPublishers.ofInputStream(() -> new ByteArrayInputStream(body)))
                .build();

        HttpResponse<String> response = http.send(streamed, HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(413);
        assertThat(JSON.readTree(response.body()).path("error").asText()).contains("larger than the 256 KiB");
        assertThat(uploadFolders()).isEmpty();
        assertThat(drumbeat.count("cost_imports")).isZero();
        assertThat(drumbeat.count("cost_intake_files")).isZero();
    }

    @Test
    void a_file_name_with_a_path_in_it_is_refused_and_nothing_is_written() throws Exception {
        byte[] csv = Files.readAllBytes(march().write(dir, ".csv", 1).get(0));

        for (String name : List.of("../../escaped.csv", "..\\escaped.csv", "/tmp/escaped.csv", ".hidden.csv")) {
            HttpResponse<String> response = post(token, concat(part(name, csv), closing()));

            assertThat(response.statusCode()).as(name).isEqualTo(400);
            assertThat(JSON.readTree(response.body()).path("error").asText())
                    .as(name)
                    .contains("is not a file name Drumbeat keeps");
        }
        try (Stream<Path> all = Files.walk(DATA.getParent())) {
            assertThat(all.filter(p -> p.getFileName().toString().contains("escaped")))
                    .isEmpty();
        }
        assertThat(uploadFolders()).isEmpty();
        assertThat(drumbeat.count("cost_imports")).isZero();
    }

    @Test
    void bills_that_are_refused_answer_400_with_the_sentence_and_nothing_is_kept() throws Exception {
        HttpResponse<String> response =
                post(token, multipart(march().withoutEffectiveCost().write(dir, ".csv", 2)));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(response.body()).path("error").asText()).contains("has no EffectiveCost column");
        assertThat(uploadFolders()).isEmpty();
        assertThat(drumbeat.count("cost_imports")).isZero();
    }

    @Test
    void a_body_that_is_not_a_form_upload_is_answered_with_the_curl_line() throws Exception {
        HttpResponse<String> response = http.send(
                HttpRequest.newBuilder(drumbeat.url(CostUploadRoutes.PATH))
                        .header("Authorization", "Bearer " + token)
                        .header("Content-Type", "text/csv")
                        .POST(HttpRequest.BodyPublishers.ofString("BillingAccountId\n1\n"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(415);
        assertThat(JSON.readTree(response.body()).path("error").asText()).contains("curl", "-F file=@");
    }

    @Test
    void a_form_without_files_says_to_send_some() throws Exception {
        byte[] field = ("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"note\"\r\n\r\nhello\r\n")
                .getBytes(StandardCharsets.UTF_8);

        HttpResponse<String> response = post(token, concat(field, closing()));

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(JSON.readTree(response.body()).path("error").asText()).contains("no files");
        assertThat(uploadFolders()).isEmpty();
    }

    // HTTP

    private static HttpRequest.Builder request() {
        return HttpRequest.newBuilder(drumbeat.url(CostUploadRoutes.PATH))
                .timeout(Duration.ofSeconds(30))
                .header("Content-Type", "multipart/form-data; boundary=" + BOUNDARY);
    }

    private static HttpResponse<String> post(String token, byte[] body) throws Exception {
        return http.send(
                request()
                        .header("Authorization", "Bearer " + token)
                        .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    /** One HTTP/1.1 response as it came: its head, and a body as long as its Content-Length says. */
    private static String oneResponse(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        while (!head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) {
                break;
            }
            head.write(b);
        }
        String text = head.toString(StandardCharsets.ISO_8859_1);
        int length = text.lines()
                .filter(line -> line.toLowerCase(Locale.ROOT).startsWith("content-length:"))
                .mapToInt(line ->
                        Integer.parseInt(line.substring(line.indexOf(':') + 1).strip()))
                .findFirst()
                .orElse(0);
        return text + new String(in.readNBytes(length), StandardCharsets.UTF_8);
    }

    /** A form upload of the files, as {@code curl -F file=@…} sends it. */
    private static byte[] multipart(List<Path> files) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (Path file : files) {
            body.writeBytes(part(file.getFileName().toString(), Files.readAllBytes(file)));
        }
        body.writeBytes(closing());
        return body.toByteArray();
    }

    private static byte[] part(String fileName, byte[] content) {
        byte[] head = ("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                        + "\"\r\nContent-Type: application/octet-stream\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8);
        return concat(head, content, "\r\n".getBytes(StandardCharsets.UTF_8));
    }

    private static byte[] closing() {
        return ("--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] concat(byte[]... pieces) {
        ByteArrayOutputStream all = new ByteArrayOutputStream();
        for (byte[] piece : pieces) {
            all.writeBytes(piece);
        }
        return all.toByteArray();
    }

    // What was kept

    private static Path uploads() {
        return DATA.resolve("costs/uploads");
    }

    private static List<Path> uploadFolders() throws IOException {
        if (!Files.isDirectory(uploads())) {
            return List.of();
        }
        try (Stream<Path> folders = Files.list(uploads())) {
            return folders.toList();
        }
    }

    private static List<Path> uploaded() throws IOException {
        if (!Files.isDirectory(uploads())) {
            return List.of();
        }
        try (Stream<Path> files = Files.walk(uploads())) {
            return files.filter(Files::isRegularFile).toList();
        }
    }

    private static BigDecimal decimal(String sql) {
        return drumbeat.jdbi()
                .withHandle(h -> h.createQuery(sql).mapTo(BigDecimal.class).one());
    }

    private static String text(String sql) {
        return drumbeat.jdbi()
                .withHandle(h -> h.createQuery(sql).mapTo(String.class).one());
    }
}
