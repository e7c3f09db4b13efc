package dev.drumbeat.digest;

import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;

/**
 * The services whose cost moved most from one whole month to the next: the {@code limit} largest changes either way,
 * increases first, each side largest first. A service without bills in one of the two months cost nothing in it as
 * far as the bills say, so it is new or gone; one whose cost did not change is no mover. Pure.
 */
final class DigestCostMovers {
    private DigestCostMovers() {}

    /** One service's cost in the two months. */
    record Mover(long serviceId, BigDecimal before, BigDecimal after) {
        BigDecimal change() {
            return after.subtract(before);
        }
    }

    static List<Mover> of(
            Map<Long, SortedMap<YearMonth, BigDecimal>> services, YearMonth before, YearMonth after, int limit) {
        List<Mover> movers = new ArrayList<>();
        services.forEach((id, months) -> {
            Mover mover = new Mover(
                    id, months.getOrDefault(before, BigDecimal.ZERO), months.getOrDefault(after, BigDecimal.ZERO));
            if (mover.change().signum() != 0) {
                movers.add(mover);
            }
        });
        Comparator<Mover> largest =
                Comparator.comparing((Mover m) -> m.change().abs()).reversed().thenComparingLong(Mover::serviceId);
        Comparator<Mover> upFirst = Comparator.comparing((Mover m) -> m.change().signum() > 0 ? 0 : 1)
                .thenComparing(largest);
        return movers.stream().sorted(largest).limit(limit).sorted(upFirst).toList();
    }
}
