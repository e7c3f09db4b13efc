package dev.drumbeat.bench;

import io.javalin.Javalin;
import java.net.URI;

/**
 * The floor: a bare Javalin 7 endpoint that answers a constant, on its own free port. Whatever it
 * costs is what HTTP, Jetty and the load generator cost on this machine before Drumbeat does anything.
 */
final class FloorServer implements AutoCloseable {
    static final String ANSWER = "{\"ok\":true}";
    private final Javalin javalin;

    private FloorServer(Javalin javalin) {
        this.javalin = javalin;
    }

    static FloorServer start() {
        Javalin javalin = Javalin.create(cfg -> {
            cfg.startup.showJavalinBanner = false;
            cfg.routes.post("/const", ctx -> ctx.result(ANSWER));
        });
        return new FloorServer(javalin.start("127.0.0.1", 0));
    }

    URI url() {
        return URI.create("http://127.0.0.1:" + javalin.port() + "/const");
    }

    @Override
    public void close() {
        javalin.stop();
    }
}
