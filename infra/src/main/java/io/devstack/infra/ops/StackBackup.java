package io.devstack.infra.ops;

import io.devstack.infra.DevstackHome;
import io.devstack.infra.Progress;
import io.devstack.infra.model.StackServices;
import io.devstack.infra.runtime.LocalRuntime;
import io.devstack.infra.runtime.StackException;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * {@code backup} and {@code restore} of the whole native stack, service by service ({@link ServiceBackup}).
 * Vault comes first both ways: a restore brings Vault's secrets back, then each server is given the password
 * Vault now holds (live, as {@code vault rotate} does) before its data is loaded.
 */
public final class StackBackup {

    /** In backup order (online copies first, then the servers that pause for a file copy, side by side). */
    private static final List<ServiceBackup> SERVICES = List.of(
            new VaultBackup(),
            new RedisBackup(),
            new MongoBackup(),
            new MariaDbBackup(),
            StoppedCopyBackup.postgres(),
            StoppedCopyBackup.amqp());
    /** Servers whose password a restore sets live (the stopped-copy ones get it from Vault when they start). */
    private static final List<String> LIVE_PASSWORDS = List.of("mysql", "mongodb", "redis");

    private final LocalRuntime runtime;

    public StackBackup(LocalRuntime runtime) {
        this.runtime = runtime;
    }

    /** Backs up every service into a new folder of {@code store}; {@code cipher} null for a plain backup. */
    public BackupStore.Stored backup(BackupStore store, BackupCipher cipher, Progress progress) {
        requireRunning();
        Instant now = Instant.now();
        Path folder = store.create(now);
        ServiceBackup.Stack stack = new ServiceBackup.Stack(runtime, progress);
        Map<String, BackupManifest.ServiceEntry> services = new LinkedHashMap<>();
        List<BackupManifest.FileEntry> files = new ArrayList<>();
        try {
            // the servers that pause for a file copy do so side by side, so the stack is incomplete only once
            for (List<ServiceBackup> group : List.of(online(), paused())) {
                inParallel(group, service -> {
                    progress.step(service.service() + ": backing up (" + service.method() + ")");
                    service.save(DevstackHome.privateDirectory(folder.resolve(service.service())), stack);
                });
                for (ServiceBackup service : group) {
                    services.put(
                            service.service(),
                            new BackupManifest.ServiceEntry(service.version(stack), service.method()));
                    for (Path file : filesIn(folder.resolve(service.service()))) {
                        Path stored = cipher == null
                                ? file
                                : cipher.encrypt(file, folder.relativize(file).toString());
                        Files.setPosixFilePermissions(stored, PosixFilePermissions.fromString("rw-------"));
                        files.add(BackupManifest.describe(folder, stored, service.service()));
                    }
                }
            }
        } catch (Exception e) {
            throw new StackException(
                    "backup failed: " + PasswordRotation.oneLine(e) + " — the partial folder " + folder
                            + " has no manifest and can be deleted",
                    StackException.EXIT_FAILED,
                    List.of(),
                    e);
        }
        BackupManifest manifest = new BackupManifest(
                BackupManifest.FORMAT,
                folder.getFileName().toString(),
                now.toString(),
                services,
                files,
                cipher == null ? null : cipher.parameters());
        manifest.write(folder);
        return new BackupStore.Stored(folder, manifest);
    }

    /**
     * Brings the stack back to the backup's state; starts the stack first when it is not running. Refuses a
     * backup whose checksums fail; {@code cipher} must be open for an encrypted backup.
     */
    public void restore(BackupStore.Stored backup, BackupCipher cipher, Progress progress) {
        requireIntact(backup);
        if (backup.manifest().encrypted() && cipher == null) {
            throw new IllegalArgumentException(
                    "backup " + backup.manifest().name() + " is encrypted: a passphrase is needed");
        }
        if (!running()) {
            progress.step("the stack is not fully running: starting it first");
            runtime.up(runtime.lastProfiles(), progress);
        }
        Path plain = cipher == null ? backup.folder() : decrypt(backup, cipher, progress);
        try {
            ServiceBackup.Stack stack = new ServiceBackup.Stack(runtime, progress);
            Map<String, Map<String, String>> before = new LinkedHashMap<>();
            LIVE_PASSWORDS.forEach(s -> before.put(
                    s,
                    stack.secret(
                            s.equals("redis") ? StackServices.redisNodeNames().getFirst() : s)));
            List<ServiceBackup> included = SERVICES.stream()
                    .filter(service -> backup.manifest().services().containsKey(service.service()))
                    .toList();
            // Vault first: the other servers take their passwords from the restored Vault
            for (ServiceBackup service :
                    included.stream().filter(VaultBackup.class::isInstance).toList()) {
                load(service, plain, stack);
            }
            inParallel(included.stream().filter(paused()::contains).toList(), service -> load(service, plain, stack));
            for (ServiceBackup service : included.stream()
                    .filter(s -> LIVE_PASSWORDS.contains(s.service()))
                    .toList()) {
                restorePassword(service.service(), before.get(service.service()), stack);
                load(service, plain, stack);
            }
        } catch (StackException e) {
            throw e;
        } catch (Exception e) {
            throw new StackException(
                    "restore failed: " + PasswordRotation.oneLine(e) + " — fix the cause and run "
                            + "the restore again (it starts from the backup each time)",
                    StackException.EXIT_FAILED,
                    List.of(),
                    e);
        } finally {
            if (plain != backup.folder()) {
                deleteQuietly(plain);
            }
        }
    }

    /** Refuses a backup whose files do not match its manifest (checked before anything is asked or changed). */
    public static void requireIntact(BackupStore.Stored backup) {
        List<String> problems = backup.manifest().problems(backup.folder());
        if (!problems.isEmpty()) {
            throw new StackException(
                    "backup " + backup.manifest().name() + " fails its checksums (" + problems.getFirst()
                            + ") — nothing was changed; run ./devstack verify "
                            + backup.manifest().name(),
                    StackException.EXIT_FAILED);
        }
    }

    private static void load(ServiceBackup service, Path plain, ServiceBackup.Stack stack) throws Exception {
        stack.progress().step(service.service() + ": restoring");
        service.load(plain.resolve(service.service()), stack);
    }

    private static List<ServiceBackup> online() {
        return SERVICES.stream().filter(s -> !(s instanceof StoppedCopyBackup)).toList();
    }

    private static List<ServiceBackup> paused() {
        return SERVICES.stream().filter(StoppedCopyBackup.class::isInstance).toList();
    }

    /** One action per service on its own thread; the first failure is rethrown once all have finished. */
    private static void inParallel(List<ServiceBackup> services, Step step) throws Exception {
        try (ExecutorService pool = Executors.newVirtualThreadPerTaskExecutor()) {
            List<Future<Object>> futures = services.stream()
                    .map(s -> pool.<Object>submit(() -> {
                        step.run(s);
                        return null;
                    }))
                    .toList();
            for (Future<Object> future : futures) {
                try {
                    future.get();
                } catch (ExecutionException e) {
                    throw e.getCause() instanceof Exception cause ? cause : e;
                }
            }
        }
    }

    @FunctionalInterface
    private interface Step {
        void run(ServiceBackup service) throws Exception;
    }

    /** The server gets back the password of the backup's Vault, authenticating with the one it has now. */
    private void restorePassword(String service, Map<String, String> current, ServiceBackup.Stack stack)
            throws Exception {
        String restored = stack.secret(
                        service.equals("redis") ? StackServices.redisNodeNames().getFirst() : service)
                .get("password");
        if (!restored.equals(current.get("password"))) {
            stack.progress().step(service + ": setting the password of the backup");
            new LivePasswords(runtime.home(), stack::secret).apply(service, current, restored);
        }
    }

    private Path decrypt(BackupStore.Stored backup, BackupCipher cipher, Progress progress) {
        progress.step("decrypting " + backup.manifest().files().size() + " files");
        Path staging = DevstackHome.privateDirectory(
                runtime.home().runDir().resolve("restore-" + backup.manifest().name()));
        for (BackupManifest.FileEntry entry : backup.manifest().files()) {
            String plainName = entry.path().substring(0, entry.path().length() - ".enc".length());
            Path target = staging.resolve(plainName);
            DevstackHome.privateDirectory(target.getParent());
            cipher.decrypt(backup.folder().resolve(entry.path()), entry.path(), target);
        }
        return staging;
    }

    private void requireRunning() {
        if (!running()) {
            throw new StackException(
                    "the stack is not fully running (see ./devstack status) — start it with "
                            + "./devstack up, then back up",
                    StackException.EXIT_NOT_RUNNING);
        }
    }

    private boolean running() {
        return StackServices.backendNames().stream().allMatch(runtime::isRunning);
    }

    private static List<Path> filesIn(Path dir) throws IOException {
        try (var walk = Files.walk(dir)) {
            return walk.filter(Files::isRegularFile).sorted().toList();
        }
    }

    private static void deleteQuietly(Path dir) {
        try {
            DirectoryArchive.deleteRecursively(dir);
        } catch (IOException e) {
            throw new UncheckedIOException("cannot delete the decrypted staging folder " + dir, e);
        }
    }
}
