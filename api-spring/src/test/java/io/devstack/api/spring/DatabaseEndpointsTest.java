package io.devstack.api.spring;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class DatabaseEndpointsTest extends AgainstNativeStack {

    @Test
    void postgresAnswersUtcWithMicroseconds() {
        assertThat(get("/examples/database/postgres/query").getResponseBody()).matches(
                "\\{\"database\":\"PostgreSQL\",\"query\":\"SELECT current_timestamp\","
                        + "\"result\":\"\\d{4}-\\d\\d-\\d\\dT\\d\\d:\\d\\d:\\d\\d\\.\\d{6}Z\"}");
    }

    @Test
    void mysqlAnswersUtcToTheSecond() {
        assertThat(get("/examples/database/mysql/query").getResponseBody()).matches(
                "\\{\"database\":\"MySQL\",\"query\":\"SELECT NOW\\(\\)\","
                        + "\"result\":\"\\d{4}-\\d\\d-\\d\\d \\d\\d:\\d\\d:\\d\\d\"}");
    }

    @Test
    void mongodbListsTheCollectionsOfItsDatabase() {
        assertThat(get("/examples/database/mongodb/query").getResponseBody())
                .matches("\\{\"database\":\"MongoDB\",\"collections\":\\[.*],\"count\":\\d+}");
    }
}
