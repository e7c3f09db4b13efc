package dev.drumbeat.bench;

import java.io.IOException;
import java.net.Authenticator;
import java.net.CookieHandler;
import java.net.ProxySelector;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLongArray;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLParameters;

/**
 * A Java HTTP client that times each blocking {@code send} and counts how many are in flight at once, passing
 * everything to the client it wraps: the same measuring point for Drumbeat's queries and the floor's. Two
 * {@code nanoTime} reads and two atomic counts a request. Thread-safe.
 */
final class TimedHttpClient extends HttpClient {
    private final HttpClient http;
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger mostInFlight = new AtomicInteger();
    private final AtomicInteger count = new AtomicInteger();
    private volatile AtomicLongArray nanos = new AtomicLongArray(0);

    TimedHttpClient(HttpClient http) {
        this.http = http;
    }

    /** Starts counting afresh, with room for {@code expected} requests. */
    void reset(int expected) {
        nanos = new AtomicLongArray(expected);
        count.set(0);
        mostInFlight.set(0);
    }

    int mostInFlight() {
        return mostInFlight.get();
    }

    /** The time of each request sent since the reset, in nanoseconds, sorted. */
    long[] sortedNanos() {
        AtomicLongArray taken = nanos;
        long[] out = new long[Math.min(count.get(), taken.length())];
        for (int i = 0; i < out.length; i++) {
            out[i] = taken.get(i);
        }
        Arrays.sort(out);
        return out;
    }

    @Override
    public <T> HttpResponse<T> send(HttpRequest request, HttpResponse.BodyHandler<T> handler)
            throws IOException, InterruptedException {
        mostInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
        long started = System.nanoTime();
        try {
            return http.send(request, handler);
        } finally {
            long took = System.nanoTime() - started;
            inFlight.decrementAndGet();
            int i = count.getAndIncrement();
            AtomicLongArray taken = nanos;
            if (i < taken.length()) {
                taken.set(i, took);
            }
        }
    }

    @Override
    public <T> CompletableFuture<HttpResponse<T>> sendAsync(HttpRequest request, HttpResponse.BodyHandler<T> handler) {
        throw new UnsupportedOperationException("the bench times blocking sends only");
    }

    @Override
    public <T> CompletableFuture<HttpResponse<T>> sendAsync(
            HttpRequest request, HttpResponse.BodyHandler<T> handler, HttpResponse.PushPromiseHandler<T> push) {
        throw new UnsupportedOperationException("the bench times blocking sends only");
    }

    @Override
    public Optional<CookieHandler> cookieHandler() {
        return http.cookieHandler();
    }

    @Override
    public Optional<Duration> connectTimeout() {
        return http.connectTimeout();
    }

    @Override
    public Redirect followRedirects() {
        return http.followRedirects();
    }

    @Override
    public Optional<ProxySelector> proxy() {
        return http.proxy();
    }

    @Override
    public SSLContext sslContext() {
        return http.sslContext();
    }

    @Override
    public SSLParameters sslParameters() {
        return http.sslParameters();
    }

    @Override
    public Optional<Authenticator> authenticator() {
        return http.authenticator();
    }

    @Override
    public Version version() {
        return http.version();
    }

    @Override
    public Optional<Executor> executor() {
        return http.executor();
    }
}
