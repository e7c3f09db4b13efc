package dev.drumbeat.sandbox;

/** The demo's fixed Slack identity: the tokens its stand-in accepts and the channel that plays leadership. */
public final class DemoWorkspace {
    public static final String BOT_TOKEN = "xoxb-0000000000-0000000000-sandboxsandboxsandbox";
    public static final String SIGNING_SECRET = "sandbox-signing-secret-for-the-demo-only";
    public static final String LEADERSHIP_CHANNEL = "C0LEADERS";

    private DemoWorkspace() {}
}
