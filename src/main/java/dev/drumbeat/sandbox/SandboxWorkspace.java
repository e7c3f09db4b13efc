package dev.drumbeat.sandbox;

import dev.drumbeat.sandbox.standin.SlackStandIn;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * What the sandbox page's handlers share: the driver that signs requests to Drumbeat, the Slack stand-in, the
 * demo's people and clock, and the transcript of what people typed. {@code driver} is supplied late: the
 * server's port is known only once it has started. Thread-safe as its parts are.
 */
record SandboxWorkspace(
        Supplier<SlackDriver> driver,
        SlackStandIn slack,
        List<DemoPortfolio.DemoPerson> people,
        String teamId,
        SandboxClock clock,
        SandboxTranscript transcript,
        SandboxFeed feed) {

    SandboxWorkspace {
        people = List.copyOf(people);
    }

    /** The person acting, as the driver signs for them; an unknown id acts as the first demo person. */
    SlackUser user(String userId) {
        DemoPortfolio.DemoPerson person = person(userId).orElse(people.get(0));
        return SlackUser.of(teamId, person.userId(), person.handle()).withTriggers(slack::registerTrigger);
    }

    ZoneId zoneOf(String userId) {
        return person(userId).map(p -> ZoneId.of(p.tz())).orElse(ZoneOffset.UTC);
    }

    private Optional<DemoPortfolio.DemoPerson> person(String userId) {
        return people.stream().filter(p -> p.userId().equals(userId)).findFirst();
    }
}
