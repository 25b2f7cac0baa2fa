package io.devstack.common.postgres;

/** How {@code /health/postgres} shows {@code SELECT version()}: the banner up to its first comma. */
public final class PostgresVersion {

    private PostgresVersion() {}

    /** "PostgreSQL 17.2 on x86_64-pc-linux-gnu, compiled by gcc …" → "PostgreSQL 17.2 on x86_64-pc-linux-gnu". */
    public static String shortForm(String banner) {
        int comma = banner.indexOf(',');
        return comma < 0 ? banner : banner.substring(0, comma);
    }
}
