package dev.drumbeat.dashboard;

/** The dashboard's HTML basics: escaping every value, and the page around a body with its small inline style. */
final class Html {
    private static final String STYLE = """
            body{font:14px/1.4 system-ui,sans-serif;margin:1.5rem;color:#1d1c1d}
            h1{font-size:1.4rem}h2{font-size:1.1rem;margin-top:1.5rem}
            table{border-collapse:collapse;width:100%}th,td{padding:.3rem .5rem;border-bottom:1px solid #ddd;text-align:left}
            th a{color:inherit}td.n,th.n{text-align:right;font-variant-numeric:tabular-nums}td.n{white-space:nowrap}
            tr.deprioritised td{color:#888}.neg{color:#b3261e}tr.so-far td{font-style:italic;color:#555}
            .tag{font-size:.75rem;padding:0 .35rem;border-radius:.6rem;background:#eee;margin-left:.3rem}
            .green{background:#d3f2dc}.amber{background:#fde9c4}.red{background:#f8d3d0}
            form{display:flex;flex-wrap:wrap;gap:.5rem;align-items:center;margin:1rem 0}
            img{max-width:100%;border:1px solid #eee}.muted{color:#666}form.signout{float:right;margin:0}""";

    /** The sign-out button every signed-in page carries. */
    static final String SIGN_OUT = "<form class=\"signout\" method=\"post\" action=\"/dashboard/signout\">"
            + "<button type=\"submit\">Sign out</button></form>";

    private Html() {}

    static String escape(String text) {
        if (text == null) {
            return "";
        }
        StringBuilder out = new StringBuilder(text.length() + 16);
        for (char c : text.toCharArray()) {
            switch (c) {
                case '&' -> out.append("&amp;");
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }

    /** A whole page; {@code title} is escaped here, {@code body} must already be safe HTML. */
    static String page(String title, String body) {
        return "<!doctype html><html lang=\"en\"><head><meta charset=\"utf-8\">"
                + "<meta name=\"viewport\" content=\"width=device-width,initial-scale=1\">"
                + "<title>" + escape(title) + " · Drumbeat</title><style>" + STYLE + "</style></head><body>"
                + body + "</body></html>";
    }

    static String tag(String cssClass, String text) {
        return "<span class=\"tag " + escape(cssClass) + "\">" + escape(text) + "</span>";
    }
}
