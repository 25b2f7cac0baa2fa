package io.devstack.bench;

import java.util.Locale;

/** How figures read in the console and the report: rates with thousands separators, spreads as (min–max). */
public final class Format {

    private Format() {}

    /** {@code 12,345 (11,900–12,800)}. */
    public static String rate(Spread spread) {
        if (Double.isNaN(spread.median())) {
            return "–";
        }
        return number(spread.median()) + " (" + number(spread.min()) + "–" + number(spread.max()) + ")";
    }

    /** {@code 2.31 (2.10–2.80)}, or the median alone when there was one round. */
    public static String millis(Spread spread) {
        if (Double.isNaN(spread.median())) {
            return "–";
        }
        if (spread.min() == spread.max()) {
            return decimal(spread.median());
        }
        return decimal(spread.median()) + " (" + decimal(spread.min()) + "–" + decimal(spread.max()) + ")";
    }

    public static String number(double value) {
        return String.format(Locale.ROOT, "%,.0f", value);
    }

    public static String decimal(double value) {
        return value >= 100 ? String.format(Locale.ROOT, "%,.0f", value) : String.format(Locale.ROOT, "%.2f", value);
    }

    public static String percent(double ratio) {
        return String.format(Locale.ROOT, "%.0f%%", ratio * 100);
    }

    /** {@code 6.0 s, JIT quiet}: how long, and what ended it ({@link WarmUp.End}). */
    public static String warmup(WarmUp.Outcome outcome) {
        return String.format(
                Locale.ROOT, "%.1f s, %s", outcome.seconds(), outcome.end().label());
    }
}
