package dev.drumbeat.catalog.csv;

import dev.drumbeat.core.Mentions;
import dev.drumbeat.people.Person;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * Finds the person a CSV cell names, among the people Drumbeat knows in the workspace: a Slack user id
 * (U…/W…), an @handle, or a name or real name in any case. Loaded once per import, so no query per row. Pure.
 */
final class CatalogImportPeople {
    private final List<Person> people;
    private final Map<String, Person> byId;

    CatalogImportPeople(List<Person> people) {
        this.people = List.copyOf(people);
        this.byId = people.stream().collect(Collectors.toMap(Person::userId, Function.identity(), (a, b) -> a));
    }

    /** The person named, or empty for a blank cell; throws {@link IllegalArgumentException} with the reason. */
    Optional<Person> find(String cell) {
        String text = cell.strip();
        if (text.isEmpty()) {
            return Optional.empty();
        }
        Optional<String> id = Mentions.userId(text);
        if (id.isPresent()) {
            return Optional.of(Optional.ofNullable(byId.get(id.get()))
                    .orElseThrow(() -> new IllegalArgumentException("Drumbeat doesn't know anyone with the Slack id "
                            + id.get() + " yet; they appear once they use Drumbeat")));
        }
        String name = Mentions.bareName(text);
        List<Person> found = people.stream().filter(p -> isCalled(p, name)).toList();
        if (found.size() == 1) {
            return Optional.of(found.get(0));
        }
        if (found.isEmpty()) {
            throw new IllegalArgumentException("nobody called “" + text + "” is known to Drumbeat;"
                    + " use their Slack id (like U024BE7LH) or @handle");
        }
        throw new IllegalArgumentException(
                "“" + text + "” could be " + candidates(found) + "; use the Slack id of the one you mean");
    }

    private static boolean isCalled(Person person, String name) {
        return person.name().equalsIgnoreCase(name)
                || person.userId().equals(name)
                || (person.realName() != null && person.realName().equalsIgnoreCase(name));
    }

    private static String candidates(List<Person> found) {
        return found.stream()
                        .limit(3)
                        .map(p -> p.userId() + " (" + p.displayName() + ")")
                        .collect(Collectors.joining(" or "))
                + (found.size() > 3 ? " or others" : "");
    }
}
