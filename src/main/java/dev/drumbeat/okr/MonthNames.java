package dev.drumbeat.okr;

import java.time.YearMonth;
import java.time.format.TextStyle;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** Months as a reader says them: "December 2026", "July–September 2026", "November 2026–January 2027", or a list. */
final class MonthNames {
    private MonthNames() {}

    /** {@code months} in order; consecutive ones as a range. */
    static String of(List<YearMonth> months) {
        List<String> runs = new ArrayList<>();
        int start = 0;
        for (int i = 1; i <= months.size(); i++) {
            if (i == months.size() || !months.get(i).equals(months.get(i - 1).plusMonths(1))) {
                runs.add(run(months.get(start), months.get(i - 1)));
                start = i;
            }
        }
        return String.join(", ", runs);
    }

    private static String run(YearMonth first, YearMonth last) {
        if (first.equals(last)) {
            return full(first);
        }
        if (first.getYear() == last.getYear()) {
            return name(first) + "–" + full(last);
        }
        return full(first) + "–" + full(last);
    }

    private static String full(YearMonth month) {
        return name(month) + " " + month.getYear();
    }

    private static String name(YearMonth month) {
        return month.getMonth().getDisplayName(TextStyle.FULL, Locale.UK);
    }
}
