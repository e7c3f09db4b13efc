package dev.drumbeat.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.drumbeat.sandbox.SlackDriver;
import dev.drumbeat.sandbox.SlackUser;
import dev.drumbeat.sandbox.standin.SlackStandIn;
import dev.drumbeat.support.SlackReply;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * People asking: each ask is a signed {@code /drumbeat ask …} over HTTP with a response_url the stand-in made, so an
 * answer that comes later reaches the stand-in, where {@link AnswerArrivals} times it. {@link #concurrently} runs
 * closed-loop clients (each sends its next ask once its last answer is in) for a while; {@link #oneAtATime} runs one.
 * Thread-safe.
 */
final class AskClients {
    static final String CHANNEL = "C0GENERAL";
    static final long ANSWER_WAIT_SECONDS = 30;
    private static final ObjectMapper JSON = new ObjectMapper();
    private final SlackDriver driver;
    private final SlackStandIn slack;
    private final AnswerArrivals arrivals;
    private final AskMix mix;
    private final List<SlackUser> askers;
    private final AtomicInteger next = new AtomicInteger();

    AskClients(SlackDriver driver, SlackStandIn slack, AnswerArrivals arrivals, AskMix mix, List<SlackUser> askers) {
        this.driver = driver;
        this.slack = slack;
        this.arrivals = arrivals;
        this.mix = mix;
        this.askers = List.copyOf(askers);
    }

    /** {@code asks} asks, each sent once the last one's answer is in; the first {@code warmup} are not counted. */
    List<AskOutcome> oneAtATime(int warmup, int asks) {
        List<AskOutcome> outcomes = new ArrayList<>();
        for (int i = 0; i < warmup + asks; i++) {
            AskOutcome outcome = ask(next.getAndIncrement());
            if (i >= warmup) {
                outcomes.add(outcome);
            }
        }
        return outcomes;
    }

    /**
     * {@code clients} people asking at once for {@code warmupSeconds + seconds}; the asks sent in the first
     * {@code warmupSeconds} are not counted.
     */
    List<AskOutcome> concurrently(int clients, int warmupSeconds, int seconds) throws InterruptedException {
        long start = System.nanoTime();
        long counted = start + TimeUnit.SECONDS.toNanos(warmupSeconds);
        long end = counted + TimeUnit.SECONDS.toNanos(seconds);
        List<AskOutcome> outcomes = java.util.Collections.synchronizedList(new ArrayList<>());
        List<Thread> threads = new ArrayList<>();
        for (int c = 0; c < clients; c++) {
            Thread thread = new Thread(
                    () -> {
                        while (System.nanoTime() < end) {
                            AskOutcome outcome = ask(next.getAndIncrement());
                            if (outcome.sentAt() >= counted) {
                                outcomes.add(outcome);
                            }
                        }
                    },
                    "bench-asker-" + c);
            threads.add(thread);
            thread.start();
        }
        for (Thread thread : threads) {
            thread.join();
        }
        return new ArrayList<>(outcomes);
    }

    /** The {@code index}th question, asked by one of the askers in turn, and its answer awaited. */
    AskOutcome ask(int index) {
        AskMix.Question question = mix.question(index);
        SlackUser asker = askers.get(index % askers.size());
        String ts = String.format(Locale.ROOT, "1800000000.%06d", index % 1_000_000);
        var arrival = arrivals.expect(ts);
        String responseUrl = slack.responseUrl(CHANNEL, asker.userId(), ts);
        long sent = System.nanoTime();
        HttpResponse<String> response;
        try {
            response = driver.command(asker, CHANNEL, "ask " + question.text(), responseUrl);
        } catch (UncheckedIOException e) {
            long failedAfter = System.nanoTime() - sent;
            arrivals.forget(ts);
            return AskOutcome.failed(question.kind(), sent, failedAfter, failedAfter, false, failure(e.getCause()));
        }
        long ack = System.nanoTime() - sent;
        try {
            return answered(question, sent, ack, response, arrival);
        } finally {
            arrivals.forget(ts);
        }
    }

    private AskOutcome answered(
            AskMix.Question question,
            long sent,
            long ack,
            HttpResponse<String> response,
            java.util.concurrent.CompletableFuture<AnswerArrivals.Arrival> arrival) {
        if (response.statusCode() != 200) {
            return AskOutcome.failed(question.kind(), sent, ack, ack, false, "HTTP " + response.statusCode());
        }
        JsonNode acked = json(response.body());
        String ackText = SlackReply.texts(acked);
        if (!ackText.startsWith("Working on it")) {
            return checked(question, sent, ack, ack, false, acked);
        }
        try {
            AnswerArrivals.Arrival answer = arrival.get(ANSWER_WAIT_SECONDS, TimeUnit.SECONDS);
            if (answer.error() != null) {
                return AskOutcome.failed(
                        question.kind(), sent, ack, answer.nanos() - sent, true, "response_url refused");
            }
            return checked(question, sent, ack, answer.nanos() - sent, true, answer.body());
        } catch (TimeoutException e) {
            return AskOutcome.failed(question.kind(), sent, ack, System.nanoTime() - sent, true, "no answer in 30 s");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e);
        }
    }

    private static AskOutcome checked(
            AskMix.Question question, long sent, long ack, long answered, boolean later, JsonNode answer) {
        String text = SlackReply.texts(answer);
        if (text.contains(question.expect())) {
            return AskOutcome.answered(question.kind(), sent, ack, answered, later);
        }
        String said = text.replaceAll("\\s+", " ");
        return AskOutcome.failed(
                question.kind(),
                sent,
                ack,
                answered,
                later,
                "not the answer: " + said.substring(0, Math.min(60, said.length())));
    }

    private static String failure(Throwable cause) {
        if (cause instanceof HttpTimeoutException) {
            return "no acknowledgement in 10 s";
        }
        return cause.getClass().getSimpleName() + ": " + cause.getMessage();
    }

    private static JsonNode json(String body) {
        try {
            return body == null || body.isBlank() ? JSON.nullNode() : JSON.readTree(body);
        } catch (IOException e) {
            return JSON.getNodeFactory().textNode(body);
        }
    }
}
