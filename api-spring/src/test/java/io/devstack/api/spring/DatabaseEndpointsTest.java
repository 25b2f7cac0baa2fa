package io.devstack.api.spring;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class DatabaseEndpointsTest extends ApiTestBase {

    /**
     * A pool opens on its first query (Vault read, then the database login), inside the same 2 s deadline as
     * the query: on a loaded machine that first call can answer 503 timeout. Open the three pools first, so the
     * tests below check the answers of pools in use (the cold-start 503 is a common-side finding, not Spring's).
     */
    @BeforeEach
    void openPools() {
        get("/examples/database/postgres/query");
        get("/examples/database/mysql/query");
        get("/examples/database/mongodb/query");
    }

    @Test
    void postgresAnswersUtcWithMicroseconds() {
        assertThat(get("/examples/database/postgres/query").getResponseBody())
                .matches("\\{\"database\":\"PostgreSQL\",\"query\":\"SELECT current_timestamp\","
                        + "\"result\":\"\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{6}Z\"}");
    }

    @Test
    void mysqlAnswersUtcToTheSecond() {
        assertThat(get("/examples/database/mysql/query").getResponseBody())
                .matches("\\{\"database\":\"MySQL\",\"query\":\"SELECT NOW\\(\\)\","
                        + "\"result\":\"\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d\"}");
    }

    @Test
    void mongodbListsTheCollectionsOfItsDatabase() {
        assertThat(get("/examples/database/mongodb/query").getResponseBody())
                .matches("\\{\"database\":\"MongoDB\",\"collections\":\\[.*],\"count\":\\d+}");
    }
}
