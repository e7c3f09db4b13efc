package dev.drumbeat.bench;

/**
 * The floor's requests: the very bodies Drumbeat gets, signed the same way, posted to the bare endpoint,
 * so the two runs differ only in what the server does with them. Thread-safe.
 */
final class FloorShots implements LoadTarget {
    private final SignedPost post;
    private final StatusShots bodies;

    FloorShots(SignedPost post, StatusShots bodies) {
        this.post = post;
        this.bodies = bodies;
    }

    @Override
    public String name() {
        return "bare Javalin (floor)";
    }

    @Override
    public Shot shot(int index) {
        return new Shot(post.of(bodies.body(index)), body -> body.equals(FloorServer.ANSWER));
    }
}
