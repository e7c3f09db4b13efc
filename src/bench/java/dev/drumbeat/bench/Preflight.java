package dev.drumbeat.bench;

import java.io.IOException;
import java.io.PrintStream;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Before the clock starts, asks for every spelling once, one at a time, and keeps the ones Drumbeat
 * answers with the right card; a spelling the matcher reads differently would otherwise count as an
 * error of speed. What it drops is printed, so a change in the matcher does not go unnoticed.
 */
final class Preflight {
    private Preflight() {}

    static List<TypedService> answered(HttpClient client, SignedPost post, List<TypedService> typed, PrintStream out)
            throws IOException, InterruptedException {
        StatusShots shots = new StatusShots(post, typed);
        List<TypedService> kept = new ArrayList<>();
        for (int i = 0; i < typed.size(); i++) {
            Shot shot = shots.shot(i);
            HttpResponse<String> response = client.send(shot.request(), HttpResponse.BodyHandlers.ofString());
            if (Outcome.of(response, null, shot, 0).isEmpty()) {
                kept.add(typed.get(i));
            } else {
                out.println("Preflight: dropped “" + typed.get(i).typed() + "” (HTTP " + response.statusCode() + "): "
                        + abbreviated(response.body()));
            }
        }
        out.println("Preflight: " + kept.size() + " of " + typed.size() + " spellings answer with the right card");
        return kept;
    }

    private static String abbreviated(String body) {
        return Optional.ofNullable(body)
                .map(b -> b.length() > 200 ? b.substring(0, 200) + "…" : b)
                .orElse("");
    }
}
