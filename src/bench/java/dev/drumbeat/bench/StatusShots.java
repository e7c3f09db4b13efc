package dev.drumbeat.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.drumbeat.sandbox.DemoPortfolio;
import dev.drumbeat.sandbox.DemoPortfolio.DemoPerson;
import dev.drumbeat.sandbox.SlackDriver;
import java.io.IOException;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;

/**
 * {@code /drumbeat status <service>} as Slack posts it, from the demo workspace's active people in turn,
 * over the demo services in all their spellings. A response is right when it is the card of the service
 * asked for: its fallback text starts with the service's name. Thread-safe.
 */
final class StatusShots implements LoadTarget {
    private static final ObjectMapper JSON = new ObjectMapper();
    private final SignedPost post;
    private final List<TypedService> services;
    private final List<DemoPerson> people;

    StatusShots(SignedPost post, List<TypedService> services) {
        this.post = post;
        this.services = List.copyOf(services);
        DemoPortfolio portfolio = new DemoPortfolio(Clock.systemUTC());
        this.people = portfolio.people().stream()
                .filter(p -> !portfolio.deactivatedUserIds().contains(p.userId()))
                .toList();
    }

    @Override
    public String name() {
        return "/drumbeat status";
    }

    @Override
    public Shot shot(int index) {
        TypedService service = services.get(index % services.size());
        return new Shot(post.of(body(index)), isCardOf(service.name()));
    }

    /** The form body of request {@code index}; the floor sends these too, so both carry the same bytes. */
    String body(int index) {
        DemoPerson person = people.get(index % people.size());
        Map<String, String> form = new LinkedHashMap<>();
        form.put("token", "unused-verification-token");
        form.put("team_id", DemoPortfolio.TEAM_ID);
        form.put("team_domain", "northwind-bank");
        form.put("channel_id", "C0GENERAL");
        form.put("channel_name", "general");
        form.put("user_id", person.userId());
        form.put("user_name", person.handle());
        form.put("command", "/drumbeat");
        form.put("text", "status " + services.get(index % services.size()).typed());
        form.put("api_app_id", "A0DRUMBEAT");
        form.put("is_enterprise_install", "false");
        form.put(
                "response_url",
                "https://hooks.slack.com/commands/" + DemoPortfolio.TEAM_ID + "/1/" + UUID.randomUUID());
        form.put(
                "trigger_id",
                System.currentTimeMillis() + "." + index + "."
                        + UUID.randomUUID().toString().replace("-", ""));
        return SlackDriver.formBody(form);
    }

    static Predicate<String> isCardOf(String serviceName) {
        return body -> {
            try {
                JsonNode text = JSON.readTree(body).path("text");
                return text.isTextual() && text.asText().startsWith(serviceName + ":");
            } catch (IOException e) {
                return false;
            }
        };
    }
}
