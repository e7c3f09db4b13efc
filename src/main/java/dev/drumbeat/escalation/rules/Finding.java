package dev.drumbeat.escalation.rules;

/**
 * One reason one item should be escalated now, with a short detail for the message (e.g. "last check-in 3 weeks ago"),
 * in Slack mrkdwn: names people typed are escaped in it, the mentions in it are Drumbeat's.
 */
public record Finding(String teamId, Subject subject, Reason reason, String detail) {

    /** What is escalated: a service or an initiative, by id, or the workspace's cloud bills as a whole. */
    public record Subject(String kind, long id) {
        /** The kind of the one subject that is a workspace's bills: what no allocation rule took is nobody's. */
        public static final String BILLS = "bills";

        public static Subject service(long id) {
            return new Subject("service", id);
        }

        public static Subject initiative(long id) {
            return new Subject("initiative", id);
        }

        public static Subject bills() {
            return new Subject(BILLS, 0);
        }
    }
}
