package io.devstack.infra.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import org.junit.jupiter.api.Test;

class MariaDbLauncherTest {

    @Test
    void theInitFileResetsEveryPasswordToVaultsAndQuotesThem() {
        SecretSource vault = name -> name.equals("mysql-root")
                ? Map.of("user", "root", "password", "r'oot")
                : Map.of("user", "dev_user", "password", "p\\w'd", "database", "dev_database");
        String sql = MariaDbLauncher.initSql(vault);
        assertThat(sql)
                .contains("CREATE DATABASE IF NOT EXISTS `dev_database`;")
                .contains("ALTER USER 'root'@'localhost' IDENTIFIED BY 'r''oot';")
                .contains("CREATE USER IF NOT EXISTS 'dev_user'@'%';")
                .contains("ALTER USER 'dev_user'@'127.0.0.1' IDENTIFIED BY 'p\\\\w''d';")
                .contains("GRANT ALL PRIVILEGES ON `dev_database`.* TO 'dev_user'@'%';")
                .endsWith("FLUSH PRIVILEGES;\n");
    }
}
