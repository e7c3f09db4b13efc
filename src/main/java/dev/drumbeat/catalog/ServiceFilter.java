package dev.drumbeat.catalog;

import java.util.List;
import java.util.Locale;
import java.util.function.Predicate;

/**
 * What `/drumbeat services [filter]` narrows to: a tier, {@code mine}, {@code ownerless},
 * a status colour, {@code protected}, {@code deprioritised}, or words found in a service's name or key.
 */
record ServiceFilter(Predicate<ServiceListing> predicate) {

    static ServiceFilter parse(String filter, String userId) {
        String text = filter == null ? "" : filter.trim().toLowerCase(Locale.ROOT);
        if (text.isEmpty()) {
            return new ServiceFilter(s -> true);
        }
        return new ServiceFilter(
                switch (text) {
                    case "mine", "my", "me" ->
                        s -> s.service().isOwnedBy(userId)
                                || s.service().deputyId().filter(userId::equals).isPresent();
                    case "ownerless", "orphaned", "unowned" -> ServiceListing::isOwnerless;
                    case "green", "amber", "red" ->
                        s -> s.lastCheckIn()
                                .filter(c -> c.status().equals(text))
                                .isPresent();
                    case "protected" -> s -> s.service().isProtected();
                    case "deprioritised", "deprioritized" ->
                        s -> s.deprioritisedBy().isPresent();
                    default ->
                        Tier.parse(text)
                                .<Predicate<ServiceListing>>map(
                                        t -> s -> s.service().tier() == t)
                                .orElse(s -> containsWords(s.service(), text));
                });
    }

    List<ServiceListing> apply(List<ServiceListing> services) {
        return services.stream().filter(predicate).toList();
    }

    private static boolean containsWords(Service service, String words) {
        String haystack = (service.name() + " " + service.key()).toLowerCase(Locale.ROOT);
        for (String word : words.split("\\s+")) {
            if (!haystack.contains(word)) {
                return false;
            }
        }
        return true;
    }
}
