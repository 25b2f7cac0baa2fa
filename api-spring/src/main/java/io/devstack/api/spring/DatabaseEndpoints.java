package io.devstack.api.spring;

import io.devstack.common.service.DatabaseService;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** One query per database, over pooled connections built from Vault credentials. */
@RestController
class DatabaseEndpoints {

    private final DatabaseService databases;

    DatabaseEndpoints(DatabaseService databases) {
        this.databases = databases;
    }

    @GetMapping("/examples/database/postgres/query")
    ResponseEntity<byte[]> postgres() {
        return Responses.write(databases.postgres());
    }

    @GetMapping("/examples/database/mysql/query")
    ResponseEntity<byte[]> mysql() {
        return Responses.write(databases.mysql());
    }

    @GetMapping("/examples/database/mongodb/query")
    ResponseEntity<byte[]> mongodb() {
        return Responses.write(databases.mongodb());
    }
}
