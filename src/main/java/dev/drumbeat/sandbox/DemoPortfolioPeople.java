package dev.drumbeat.sandbox;

import dev.drumbeat.sandbox.DemoPortfolio.DemoPerson;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The people of the demo workspace: Northwind Bank's CIO and CFO, two Drumbeat admins and the service
 * owners, spread over six time zones. Henry Walsh has left the bank but still owns the mainframe batch.
 */
final class DemoPortfolioPeople {

    static final List<DemoPerson> ALL = List.of(
            person(
                    "U0NWB01GO",
                    "grace.okafor",
                    "Grace Okafor",
                    "Europe/London",
                    "leadership",
                    "Chief Information Officer"),
            person(
                    "U0NWB02DR",
                    "daniel.reyes",
                    "Daniel Reyes",
                    "America/New_York",
                    "leadership",
                    "Chief Financial Officer"),
            person(
                    "U0NWB03TM",
                    "tom.mitchell",
                    "Tom Mitchell",
                    "Europe/London",
                    "admin",
                    "Head of IT Service Management"),
            person(
                    "U0NWB04PS",
                    "priya.sharma",
                    "Priya Sharma",
                    "Asia/Kolkata",
                    "admin",
                    "Head of Core Banking Platforms"),
            person("U0NWB05AK", "aisha.khan", "Aisha Khan", "Europe/London", "member", "Payments & Cards Lead"),
            person("U0NWB06MW", "marcus.webb", "Marcus Webb", "America/New_York", "member", "Markets Technology Lead"),
            person("U0NWB07LC", "lucy.chen", "Lucy Chen", "Australia/Sydney", "member", "Cloud & Infrastructure Lead"),
            person("U0NWB08RI", "rahul.iyer", "Rahul Iyer", "Asia/Kolkata", "member", "Data & Analytics Lead"),
            person(
                    "U0NWB09KN",
                    "katarzyna.nowak",
                    "Katarzyna Nowak",
                    "Europe/Warsaw",
                    "member",
                    "Head of Security Operations"),
            person(
                    "U0NWB10JO",
                    "james.oconnor",
                    "James O'Connor",
                    "America/Chicago",
                    "member",
                    "Workplace Technology Lead"),
            person(
                    "U0NWB11SB",
                    "sofia.bianchi",
                    "Sofia Bianchi",
                    "America/New_York",
                    "member",
                    "Risk & Compliance Systems Lead"),
            person("U0NWB12BC", "ben.carter", "Ben Carter", "Australia/Sydney", "member", "Digital Channels Lead"),
            person(
                    "U0NWB13FH",
                    "fatima.hassan",
                    "Fatima Hassan",
                    "Europe/London",
                    "member",
                    "Business Applications Lead"),
            person(
                    "U0NWB14HW",
                    "henry.walsh",
                    "Henry Walsh",
                    "America/Chicago",
                    "member",
                    "Mainframe Systems Engineer (left)"));

    /** Deactivated in Slack: still named as an owner, so the service is effectively ownerless. */
    static final Set<String> DEACTIVATED = Set.of("U0NWB14HW");

    /**
     * Whose weekly check-ins, from the week the demo starts, wait for the newcomer playing them in the sandbox; the
     * demo's other owners check in by themselves as its weeks go by (see {@link DemoColleagues}).
     */
    static final Set<String> LEFT_TO_THE_NEWCOMER = Set.of("aisha.khan");

    private DemoPortfolioPeople() {}

    static Map<String, DemoPerson> byHandle() {
        return ALL.stream().collect(Collectors.toUnmodifiableMap(DemoPerson::handle, Function.identity()));
    }

    private static DemoPerson person(
            String userId, String handle, String realName, String tz, String role, String title) {
        return new DemoPerson(userId, handle, realName, tz, role, title);
    }
}
