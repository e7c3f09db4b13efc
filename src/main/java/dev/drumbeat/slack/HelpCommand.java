package dev.drumbeat.slack;

import com.slack.api.model.block.LayoutBlock;
import dev.drumbeat.core.ServiceMatcher;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.function.Supplier;

/** `/drumbeat help`: every subcommand with its usage, and a did-you-mean for a mistyped one. */
final class HelpCommand implements Subcommand {
    static final String NAME = "help";
    private final Supplier<List<Subcommand>> subcommands;

    HelpCommand(Supplier<List<Subcommand>> subcommands) {
        this.subcommands = subcommands;
    }

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public String usage() {
        return "help";
    }

    @Override
    public String summary() {
        return "this list";
    }

    @Override
    public Reply handle(CommandRequest request) {
        return Reply.of(
                "Drumbeat commands", blocks("*Drumbeat* keeps the services plan alive. Commands:", subcommands.get()));
    }

    static Reply unknown(String typed, List<Subcommand> subcommands) {
        List<ServiceMatcher.Candidate> names = subcommands.stream()
                .map(s -> new ServiceMatcher.Candidate(s.name(), s.name()))
                .toList();
        String guess = closest(ServiceMatcher.match(typed, names))
                .map(name -> " Did you mean `/drumbeat " + name + "`?")
                .orElse("");
        String first = "I don't know `" + SlackBlocks.escape(SlackBlocks.clip(typed, 40)) + "`." + guess;
        return Reply.of(first, blocks(first + " Here is what I can do:", subcommands));
    }

    private static Optional<String> closest(ServiceMatcher.Match match) {
        if (match instanceof ServiceMatcher.Found found) {
            return Optional.of(found.candidate().key());
        }
        if (match instanceof ServiceMatcher.Ambiguous many) {
            return Optional.of(many.candidates().get(0).key());
        }
        return ((ServiceMatcher.NotFound) match)
                .suggestions().stream().findFirst().map(ServiceMatcher.Candidate::key);
    }

    private static List<LayoutBlock> blocks(String intro, List<Subcommand> subcommands) {
        List<String> lines = new ArrayList<>();
        for (Subcommand s : subcommands) {
            lines.add("`/drumbeat " + SlackBlocks.escape(s.usage()) + "` — " + s.summary());
        }
        List<LayoutBlock> blocks = new ArrayList<>();
        blocks.add(SlackBlocks.markdown(intro));
        blocks.addAll(SlackBlocks.lines(lines));
        return blocks;
    }
}
