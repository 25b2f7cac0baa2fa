package io.devstack.infra.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PortCheckTest {

    @Test
    void aListeningPortIsAConflictNamingPortServiceHolderAndFix() throws Exception {
        try (ServerSocket taken = new ServerSocket()) {
            taken.bind(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0));
            int port = taken.getLocalPort();
            List<PortCheck.Conflict> conflicts = PortCheck.conflicts(Map.of("postgres", List.of(port)));
            assertThat(conflicts).hasSize(1);
            PortCheck.Conflict conflict = conflicts.getFirst();
            assertThat(conflict.port()).isEqualTo(port);
            assertThat(conflict.holder())
                    .contains("pid " + ProcessHandle.current().pid() + " (java)");
            assertThat(conflict.message())
                    .isEqualTo("port " + port + " (postgres) is in use by pid "
                            + ProcessHandle.current().pid()
                            + " (java) — stop that process, or run ./devstack down if it is"
                            + " a DevStack still running");
            assertThat(conflict.message()).doesNotContain("\n");
        }
    }

    @Test
    void aFreePortIsNoConflict() throws Exception {
        int port;
        try (ServerSocket probe = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            port = probe.getLocalPort();
        }
        assertThat(PortCheck.isFree(port)).isTrue();
        assertThat(PortCheck.conflicts(Map.of("redis-1", List.of(port)))).isEmpty();
    }

    @Test
    void readsTheInodeOfAListenerFromProcNetTcp() {
        String listen =
                "   3: 0100007F:18EB 00000000:0000 0A 00000000:00000000 00:00000000 00000000     0        0 123456 1";
        String established =
                "   4: 0100007F:18EB 0100007F:C350 01 00000000:00000000 00:00000000 00000000     0        0 654321 1";
        assertThat(PortCheck.inodeOfListener(listen, ":18EB")).contains("123456");
        assertThat(PortCheck.inodeOfListener(established, ":18EB")).isEmpty();
        assertThat(PortCheck.inodeOfListener(listen, ":18EC")).isEmpty();
    }
}
