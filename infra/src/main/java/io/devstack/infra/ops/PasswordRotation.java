package io.devstack.infra.ops;

import io.devstack.infra.Progress;
import io.devstack.infra.runtime.LocalRuntime;
import io.devstack.infra.runtime.StackException;
import io.devstack.infra.vault.Passwords;
import io.devstack.infra.vault.VaultAdmin;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code devstack vault rotate}: a new generated password, set on the running server first (authenticating with
 * the old one), then stored in Vault. Clients of {@code common} re-read Vault when a login is refused and retry
 * once, so the short window between the two steps costs at most one retry. The launchers apply Vault's password
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
            throw new StackException("cannot rotate '" + service + "' — choose one of " + String.join(", ", SERVICES)
                    + " or --all", StackException.EXIT_FAILED);
        }
        List<String> secrets = name.equals("redis") ? LivePasswords.REDIS_NODES : List.of(name);
        List<String> processes = name.equals("redis") ? LivePasswords.REDIS_NODES : secrets;
        processes.stream().filter(p -> !runtime.supervisor().alive(p)).findFirst().ifPresent(p -> {
            throw new StackException(p + " is not running — start it with ./devstack up, then rotate",
                    StackException.EXIT_NOT_RUNNING);
        });
        VaultAdmin admin = runtime.runningVault(Progress.SILENT).admin();
        Map<String, String> current = admin.readSecret(secrets.getFirst());
        String password = Passwords.generate();
        progress.step(name + ": setting a new password on the running server");
        try {
            new LivePasswords(runtime.home()).apply(name, current, password);
        } catch (Exception e) {
            throw new StackException(name + ": the server refused the new password (" + oneLine(e)
                    + "); Vault still holds the old one, which still works", StackException.EXIT_FAILED, List.of(), e);
        }
        for (String secret : secrets) {
            Map<String, String> updated = new LinkedHashMap<>(admin.readSecret(secret));
            updated.put("password", password);
            admin.writeSecret(secret, updated);
        }
        progress.step(name + ": new password stored in Vault (" + String.join(", ", secrets) + ")");
        return secrets;
    }

    static String oneLine(Exception e) {
        String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage();
        return message.lines().findFirst().orElse("").strip();
    }
}
