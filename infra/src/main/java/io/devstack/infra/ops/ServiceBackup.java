package io.devstack.infra.ops;

import io.devstack.infra.Progress;
import io.devstack.infra.runtime.LocalRuntime;
import java.nio.file.Path;
import java.util.Map;

/**
 * How one service of the native stack is saved and brought back, into and from its own sub-folder of a backup.
 * Each says which method it uses and why (its {@link #method()} goes into the manifest).
 */
interface ServiceBackup {

    /** What a backup step may use: the runtime (stop/start), Vault's current secrets, progress output. */
    record Stack(LocalRuntime runtime, Progress progress) {

        /** Read fresh each time: a restore changes Vault's content under the running stack. */
        Map<String, String> secret(String name) {
            return runtime.runningVault(Progress.SILENT).admin().readSecret(name);
        }
    }

    /** The stack service (and the sub-folder name). */
    String service();

    /** The server version, for the manifest. */
    String version(Stack stack);

    /** How the data is saved, e.g. {@code "mariadb-dump --single-transaction (online, logical)"}. */
    String method();

    /** Writes this service's files into {@code dir}. */
    void save(Path dir, Stack stack) throws Exception;

    /** Replaces the running service's data with what {@code dir} holds. */
    void load(Path dir, Stack stack) throws Exception;
}
