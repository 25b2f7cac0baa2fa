package io.devstack.common.service;

import io.devstack.common.http.ApiResponse;
import io.devstack.common.mongodb.MongoDbClient;
import io.devstack.common.mysql.MysqlClient;
import io.devstack.common.postgres.PostgresClient;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/** Behind {@code DatabaseEndpoints}: one example query per database, through the pooled clients. */
public final class DatabaseService {

    static final DateTimeFormatter UTC_MICROS = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSSSSS'Z'");
    static final DateTimeFormatter MYSQL_DATETIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    /** The body of the PostgreSQL and MySQL examples. */
    public record QueryResult(String database, String query, String result) {}

    /** The body of the MongoDB example. */
    public record CollectionsResult(String database, List<String> collections, int count) {}

    private final PostgresClient postgres;
    private final MysqlClient mysql;
    private final MongoDbClient mongodb;

    public DatabaseService(PostgresClient postgres, MysqlClient mysql, MongoDbClient mongodb) {
        this.postgres = postgres;
        this.mysql = mysql;
        this.mongodb = mongodb;
    }

    public ApiResponse postgres() {
        OffsetDateTime now = postgres.currentTimestamp();
        return ApiResponse.ok(new QueryResult("PostgreSQL", PostgresClient.CURRENT_TIMESTAMP, utcMicros(now)));
    }

    public ApiResponse mysql() {
        LocalDateTime now = mysql.now();
        return ApiResponse.ok(new QueryResult("MySQL", MysqlClient.NOW, now.format(MYSQL_DATETIME)));
    }

    public ApiResponse mongodb() {
        MongoDbClient.Collections collections = mongodb.collections();
        return ApiResponse.ok(new CollectionsResult(
                "MongoDB", collections.names(), collections.names().size()));
    }

    /** 2026-11-28T18:42:51.123456Z whatever the server's time zone. */
    static String utcMicros(OffsetDateTime timestamp) {
        return timestamp.withOffsetSameInstant(ZoneOffset.UTC).format(UTC_MICROS);
    }
}
