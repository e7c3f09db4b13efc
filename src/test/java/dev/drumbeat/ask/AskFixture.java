package dev.drumbeat.ask;

import dev.drumbeat.support.DrumbeatExtension;
import dev.drumbeat.support.SlackReply;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.extension.RegisterExtension;

/**
 * A small portfolio whose best cuts can be worked out by hand. Monthly cost is unit cost × demand:
 * <pre>
 *   payments   core       alice  0.10 × 100,000 = 10,000   value 30,000   KPI uptime on target
 *   crm        secondary  bob    2    ×   5,000 = 10,000   value  2,000
 *   intranet   secondary  alice  1    ×   4,000 =  4,000   value      0
 *   ledger     strategic  alice  50   ×   1,000 = 50,000   value 80,000
 *   reporting  core       bob    3    ×   2,000 =  6,000   value  1,000   protected
 * </pre>
 * To save 12,000 a month: CRM and Intranet (14,000, impact 2,000 + 50 + 40); Payments would cost 31,000 + 2,000.
 * End-to-end test classes extend it for one whole Drumbeat per class, the portfolio fresh before each test.
 */
abstract class AskFixture {
    static final String ALICE = "U0ALICE01";
    static final String BOB = "U0BOB0001";
    static final String LEAD = "U0LEAD001";
    static final String CHANNEL = DrumbeatExtension.CHANNEL;
    /** Where a private answer sits: an ephemeral message in {@link #CHANNEL}. */
    static final String PRIVATE_ANSWER_TS = "1700000000.000100";

    @RegisterExtension
    static final DrumbeatExtension drumbeat = DrumbeatExtension.withApp();

    @BeforeEach
    void seed() {
        seedPortfolio(drumbeat);
    }

    /** The portfolio above, and Alice, Bob and Lena (leadership), in the extension's workspace. */
    static void seedPortfolio(DrumbeatExtension extension) {
        extension
                .seed()
                .person(ALICE, "alice", "member")
                .person(BOB, "bob", "member")
                .person(LEAD, "lena", "leadership")
                .service("payments", "Payments API", "core", ALICE, "0.10", "100000", "30000")
                .service("crm", "CRM", "secondary", BOB, "2", "5000", "2000")
                .service("intranet", "Intranet", "secondary", ALICE, "1", "4000", "0")
                .service("ledger", "Core Ledger", "strategic", ALICE, "50", "1000", "80000")
                .service("reporting", "Reporting", "core", BOB, "3", "2000", "1000")
                .kpi("payments", "uptime", "Uptime", "%", "99.9", "up", "99.95")
                .deputy("payments", BOB);
        extension.execute("update services set is_protected = true where key = 'reporting'");
    }

    /** {@code /drumbeat ask <question>} from the user in {@link #CHANNEL}. */
    static SlackReply ask(String userId, String question) {
        return drumbeat.command(userId, "ask " + question);
    }

    /** The value of the button with {@code actionId} in a reply, such as the answer id behind Record decision. */
    static String buttonValue(SlackReply reply, String actionId) {
        for (var block : reply.blocks()) {
            for (var element : block.path("elements")) {
                if (element.path("action_id").asText().equals(actionId)) {
                    return element.path("value").asText();
                }
            }
            if (block.path("accessory").path("action_id").asText().equals(actionId)) {
                return block.path("accessory").path("value").asText();
            }
        }
        throw new AssertionError("no button " + actionId + " in " + reply.json());
    }

    /** Clicks a button on an answer the asker alone sees, in {@link #CHANNEL}; the HTTP status. */
    static int clickPrivate(String userId, String actionId, String value) {
        return drumbeat.clickInChannel(userId, CHANNEL, PRIVATE_ANSWER_TS, true, actionId, value)
                .status();
    }
}
