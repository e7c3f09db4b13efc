package dev.drumbeat.chart;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Short-lived signed links to chart images, so Slack or a browser can fetch one chart of one workspace without logging
 * in. A link is a path and query relative to Drumbeat's public address, such as
 * {@code /charts/kpi/42.png?team=T1&exp=1767225600&sig=…}: {@code exp} is when it expires (epoch seconds) and {@code sig}
 * an HMAC-SHA256 over everything before it, keyed by HMAC(signing secret, "drumbeat-chart-links") so the Slack signing
 * secret itself never signs anything else; neither is ever logged. Links posted into Slack should use {@link #SLACK_TTL},
 * seven days, because Slack fetches an image again when a message is shown later, not only once when it is posted; the
 * web dashboard can use a shorter life. Any instance checks any other's links, whatever its TTL. Thread-safe.
 */
public final class ChartLinks {
    public static final Duration SLACK_TTL = Duration.ofDays(7);
    static final String KPI_PREFIX = "/charts/kpi/";
    static final String PNG = ".png";
    static final String TIERS_PATH = "/charts/tiers.png";
    static final String COSTS_PREFIX = "/charts/costs/";
    private static final String HMAC = "HmacSHA256";
    private static final Base64.Encoder BASE64 = Base64.getUrlEncoder().withoutPadding();
    private final SecretKeySpec key;
    private final Optional<String> publicUrl;
    private final Clock clock;
    private final Duration ttl;

    /** What checking a link found. */
    enum Check {
        GOOD,
        EXPIRED,
        BAD
    }

    /** {@code publicUrl} is {@code Config.publicUrl()}: where Slack and browsers reach Drumbeat, ending in "/". */
    public ChartLinks(String signingSecret, Optional<String> publicUrl, Clock clock, Duration ttl) {
        this.key = new SecretKeySpec(
                hmac(new SecretKeySpec(signingSecret.getBytes(StandardCharsets.UTF_8), HMAC), "drumbeat-chart-links"),
                HMAC);
        this.publicUrl = publicUrl;
        this.clock = clock;
        this.ttl = ttl;
    }

    /** A KPI's trend over the last 12 periods, as it stands when the image is fetched. */
    public String kpiTrend(String teamId, long kpiId) {
        return signed(kpiPath(kpiId), teamId, Optional.empty());
    }

    /** The portfolio's monthly cost and margin by tier, as it stands when the image is fetched. */
    public String tierCosts(String teamId) {
        return signed(TIERS_PATH, teamId, Optional.empty());
    }

    /** A service's plan against its bills over the last six months, as they stand when the image is fetched. */
    public String planActual(String teamId, long serviceId) {
        return signed(costsPath(serviceId), teamId, Optional.empty());
    }

    /** The same, as the catalog stood at {@code asOf} (a digest's chart keeps showing the week it was sent). */
    public String tierCosts(String teamId, Instant asOf) {
        return signed(TIERS_PATH, teamId, Optional.of(Long.toString(asOf.getEpochSecond())));
    }

    /** The link as Slack needs it, from the public address; empty when none is configured. */
    public Optional<String> absolute(String relative) {
        return publicUrl.map(base -> base + (relative.startsWith("/") ? relative.substring(1) : relative));
    }

    /** True when Drumbeat has a public address, so Slack can fetch the images these links point at. */
    public boolean hasPublicUrl() {
        return publicUrl.isPresent();
    }

    /** Checks a fetched link's parts, the signature in constant time; {@code at} and {@code expires} as they came. */
    Check check(String path, String teamId, Optional<String> at, String expires, String signature) {
        if (teamId == null
                || teamId.isEmpty()
                || signature == null
                || !isSeconds(expires)
                || !at.map(ChartLinks::isSeconds).orElse(true)) {
            return Check.BAD;
        }
        if (!MessageDigest.isEqual(hmac(key, unsigned(path, teamId, at, expires)), decode(signature))) {
            return Check.BAD;
        }
        return Long.parseLong(expires) > clock.instant().getEpochSecond() ? Check.GOOD : Check.EXPIRED;
    }

    private static boolean isSeconds(String text) {
        return text != null && text.matches("\\d{1,12}");
    }

    static String kpiPath(long kpiId) {
        return KPI_PREFIX + kpiId + PNG;
    }

    static String costsPath(long serviceId) {
        return COSTS_PREFIX + serviceId + PNG;
    }

    private String signed(String path, String teamId, Optional<String> at) {
        String expires = Long.toString(clock.instant().plus(ttl).getEpochSecond());
        String unsigned = unsigned(path, teamId, at, expires);
        return unsigned + "&sig=" + BASE64.encodeToString(hmac(key, unsigned));
    }

    private static String unsigned(String path, String teamId, Optional<String> at, String expires) {
        return path + "?team=" + URLEncoder.encode(teamId, StandardCharsets.UTF_8)
                + at.map(a -> "&at=" + a).orElse("") + "&exp=" + expires;
    }

    private static byte[] decode(String signature) {
        try {
            return Base64.getUrlDecoder().decode(signature);
        } catch (IllegalArgumentException e) {
            return new byte[0];
        }
    }

    private static byte[] hmac(SecretKeySpec key, String message) {
        try {
            Mac mac = Mac.getInstance(HMAC);
            mac.init(key);
            return mac.doFinal(message.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is missing from this Java runtime", e);
        }
    }

    @Override
    public String toString() {
        return "ChartLinks[key=***, publicUrl=" + publicUrl.orElse("-") + ", ttl=" + ttl + "]";
    }
}
