package dev.drumbeat.core;

/**
 * Optimal string alignment distance: Damerau–Levenshtein where swapping two neighbouring letters
 * counts as one slip, as typists make it. Every call takes a ceiling {@code max} and answers
 * {@code max + 1} as soon as the distance is sure to exceed it, and only fills the cells within
 * {@code max} of the diagonal, so scoring thousands of services stays cheap. The static methods
 * are thread-safe; an instance is one calculation's scratch table and is never shared.
 */
final class EditDistance {

    private final String typed;
    private final String text;
    private final int max;
    private int[] twoBack;
    private int[] previous;
    private int[] current;

    private EditDistance(String typed, String text, int columns, int max) {
        this.typed = typed;
        this.text = text;
        this.max = max;
        this.twoBack = new int[columns + 1];
        this.previous = new int[columns + 1];
        this.current = new int[columns + 1];
    }

    /** Edits turning {@code typed} into {@code text}, or {@code max + 1} if more than {@code max}. */
    static int between(String typed, String text, int max) {
        if (Math.abs(typed.length() - text.length()) > max) {
            return max + 1;
        }
        int[] lastRow = new EditDistance(typed, text, text.length(), max).lastRow();
        return lastRow == null ? max + 1 : Math.min(lastRow[text.length()], max + 1);
    }

    /**
     * Edits turning {@code typed} into the closest prefix of {@code text} ("paymnets" is one edit
     * from "paymentsapi"), or {@code max + 1} if more than {@code max}.
     */
    static int toPrefix(String typed, String text, int max) {
        if (text.length() < typed.length() - max) {
            return max + 1;
        }
        int columns = Math.min(text.length(), typed.length() + max);
        int[] lastRow = new EditDistance(typed, text, columns, max).lastRow();
        return lastRow == null ? max + 1 : Math.min(smallestInBand(lastRow, typed.length(), max), max + 1);
    }

    /** The table's final row, or null as soon as the distance is certainly beyond {@code max}. */
    private int[] lastRow() {
        for (int j = 0; j < previous.length; j++) {
            previous[j] = j;
        }
        int previousSmallest = 0;
        for (int i = 1; i <= typed.length(); i++) {
            int currentSmallest = fillBand(i);
            if (currentSmallest > max && previousSmallest > max) {
                return null; // no later row can come back within reach
            }
            previousSmallest = currentSmallest;
            int[] recycled = twoBack;
            twoBack = previous;
            previous = current;
            current = recycled;
        }
        return previous;
    }

    /** Fills row {@code i} within {@code max} of the diagonal, fences both ends, answers its smallest value. */
    private int fillBand(int i) {
        int columns = current.length - 1;
        int first = Math.max(1, i - max);
        int last = Math.min(columns, i + max);
        current[first - 1] = first == 1 ? i : max + 1;
        int smallest = current[first - 1];
        for (int j = first; j <= last; j++) {
            current[j] = cell(i, j);
            smallest = Math.min(smallest, current[j]);
        }
        if (last < columns) {
            current[last + 1] = max + 1;
        }
        return smallest;
    }

    private int cell(int i, int j) {
        char letter = typed.charAt(i - 1);
        int substitution = previous[j - 1] + (letter == text.charAt(j - 1) ? 0 : 1);
        int best = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
        if (i > 1 && j > 1 && letter == text.charAt(j - 2) && typed.charAt(i - 2) == text.charAt(j - 1)) {
            best = Math.min(best, twoBack[j - 2] + 1);
        }
        return best;
    }

    private static int smallestInBand(int[] row, int rowIndex, int max) {
        int smallest = Integer.MAX_VALUE;
        for (int j = Math.max(0, rowIndex - max); j <= Math.min(row.length - 1, rowIndex + max); j++) {
            smallest = Math.min(smallest, row[j]);
        }
        return smallest;
    }
}
