package io.devstack.common.service;

import static org.assertj.core.api.Assertions.assertThat;

import io.devstack.common.SourceScan;
import java.io.IOException;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * Services speak in the contract's terms, backends in the driver's: no class in {@code common/service} names a
 * driver type (lettuce, Reactor, JDBC, MongoDB, AMQP, spring-vault) or the guard around them; they call the
 * backend clients of {@code redis/ postgres/ mysql/ jdbc/ mongodb/ rabbitmq/ vault/}, which guard every operation.
 */
class NoDriverImportsTest {

    private static final Pattern FORBIDDEN = Pattern.compile("\\b(io\\.lettuce|reactor\\.core|java\\.sql"
            + "|com\\.zaxxer|com\\.mongodb|org\\.bson|com\\.rabbitmq|org\\.springframework"
            + "|io\\.devstack\\.common\\.resilience\\.BackendCalls?\\b)[.;]");

    @Test
    void noServiceImportsADriverOrCallsTheGuardItself() throws IOException {
        assertThat(SourceScan.matches("src/main/java/io/devstack/common/service", FORBIDDEN))
                .isEmpty();
    }

    @Test
    void thePatternCatchesWhatItMust() {
        assertThat(FORBIDDEN.matcher("import io.lettuce.core.SetArgs;").find()).isTrue();
        assertThat(FORBIDDEN.matcher("import com.mongodb.client.MongoClient;").find())
                .isTrue();
        assertThat(FORBIDDEN.matcher("import com.rabbitmq.client.Channel;").find())
                .isTrue();
        assertThat(FORBIDDEN
                        .matcher("import org.springframework.vault.core.VaultTemplate;")
                        .find())
                .isTrue();
        assertThat(FORBIDDEN.matcher("import java.sql.Connection;").find()).isTrue();
        assertThat(FORBIDDEN
                        .matcher("import io.devstack.common.resilience.BackendCalls;")
                        .find())
                .isTrue();
        assertThat(FORBIDDEN
                        .matcher("import io.devstack.common.resilience.Backend;")
                        .find())
                .isFalse();
        assertThat(FORBIDDEN
                        .matcher("import io.devstack.common.redis.RedisBackend;")
                        .find())
                .isFalse();
    }
}
