package io.devstack.common.postgres;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class PostgresVersionTest {

    @Test
    void theBannerIsCutAtTheFirstComma() {
        assertThat(PostgresVersion.shortForm(
                        "PostgreSQL 17.6 on x86_64-pc-linux-gnu, compiled by gcc (GCC) 11.4.0, 64-bit"))
                .isEqualTo("PostgreSQL 17.6 on x86_64-pc-linux-gnu");
        assertThat(PostgresVersion.shortForm("PostgreSQL 18.0")).isEqualTo("PostgreSQL 18.0");
    }
}
