package io.devstack.infra.ops;

import io.devstack.infra.Progress;
import io.devstack.infra.model.StackServices;
import io.devstack.infra.runtime.LocalRuntime;
import io.devstack.infra.runtime.StackException;
import io.devstack.infra.vault.Passwords;
import io.devstack.infra.vault.VaultAdmin;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code devstack vault rotate}: a new generated password, stored in Vault first, then set on the running server
 * (authenticating with the old one). Clients of {@code common} keep their cached password until a login is
 * refused, which happens only once the server has switched; they then re-read Vault, find the new one and retry
 * once. Only a client reading Vault afresh in the milliseconds between the two steps would be refused twice. The
 * launchers apply Vault's password
 * at every start, so a later restart keeps the new one.
 */
public final class PasswordRotation {

    /** What can be rotated; {@code redis} is the cluster (the three nodes share one password). */
    public static final List<String> SERVICES = List.of("postgres", "mysql", "mongodb", "redis", "rabbitmq");

    private final LocalRuntime runtime;

    public PasswordRotation(LocalRuntime runtime) {
        this.runtime = runtime;
    }

    /** Rotates {@code service} ({@code redis-1…3} mean the cluster); returns the Vault secrets it rewrote. */
    public List<String> rotate(String service, Progress progress) {
        String name = service.startsWith("redis") ? "redis" : service;
        if (!SERVICES.contains(name)) {
            throw new StackException(
                    "cannot rotate '" + service + "' — choose one of " + String.join(", ", SERVICES) + " or --all",
                    StackException.EXIT_FAILED);
        }
        List<String> secrets = name.equals("redis") ? StackServices.redisNodeNames() : List.of(name);
        secrets.stream().filter(p -> !runtime.isRunning(p)).findFirst().ifPresent(p -> {
            throw new StackException(
                    p + " is not running — start it with ./devstack up, then rotate", StackException.EXIT_NOT_RUNNING);
        });
        VaultAdmin admin = runtime.runningVault(Progress.SILENT).admin();
        Map<String, Map<String, String>> before = new LinkedHashMap<>();
        secrets.forEach(secret -> before.put(secret, admin.readSecret(secret)));
        Map<String, String> current = before.get(secrets.getFirst());
        String password = Passwords.generate();
        // Vault first: a client refused with its cached password re-reads Vault and so always finds the new one
        before.forEach((secret, data) -> {
            Map<String, String> updated = new LinkedHashMap<>(data);
            updated.put("password", password);
            admin.writeSecret(secret, updated);
        });
        progress.step(name + ": new password stored in Vault (" + String.join(", ", secrets) + ")");
        LivePasswords live = new LivePasswords(runtime.home(), admin::readSecret);
        try {
            live.begin(name, current, password);
        } catch (Exception e) {
            before.forEach(admin::writeSecret);
            throw new StackException(
                    name + ": the server refused the new password (" + oneLine(e)
                            + "); Vault holds the old one again, which still works",
                    StackException.EXIT_FAILED,
                    List.of(),
                    e);
        }
        live.finish(name, password);
        progress.step(name + ": the running server takes only the new password now");
        return secrets;
    }

    static String oneLine(Exception e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return message.lines().findFirst().orElse("").strip();
    }
}
