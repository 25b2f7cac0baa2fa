package io.devstack.infra.local.amqp;

import java.io.IOException;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicBoolean;
import org.apache.qpid.server.util.ServerScopedRuntimeException;

/**
 * What Qpid Broker-J's own launcher does with a failure the broker cannot go on after (a
 * {@link ServerScopedRuntimeException}, or an {@link Error}): the process ends, so the stack's supervisor starts a
 * fresh broker. The case that matters: on a full disk the Derby store fails a write and stays read-only for good, so
 * every later publish fails; a fresh broker recovers the store from its log. Unlike Qpid's launcher it first waits
 * until the data folder's disk has room again (below Qpid's own flow-control mark, 90 per cent used): a broker
 * restarted on a full disk fails at once, and the supervisor gives up after a few quick crashes.
 */
final class FatalErrorExit implements Thread.UncaughtExceptionHandler {

    static final double MAX_USED = 0.9;
    private static final Duration CHECK_EVERY = Duration.ofSeconds(1);

    private final Path data;
    private final AtomicBoolean exiting = new AtomicBoolean();

    FatalErrorExit(Path data) {
        this.data = data;
    }

    @Override
    public void uncaughtException(Thread thread, Throwable failure) {
        System.err.print("Exception in thread \"" + thread.getName() + "\" ");
        failure.printStackTrace();
        if (!(failure instanceof ServerScopedRuntimeException || failure instanceof Error)
                || !exiting.compareAndSet(false, true)) {
            return;
        }
        System.err.println("amqp-broker: the broker cannot go on after "
                + failure.getClass().getSimpleName()
                + "; it exits (and the supervisor starts it again) once the disk holding " + data + " is below "
                + Math.round(MAX_USED * 100) + " per cent used");
        Thread exit = new Thread(this::exitOnceTheDiskHasRoom, "amqp-broker-fatal-exit");
        exit.start();
    }

    private void exitOnceTheDiskHasRoom() {
        try {
            while (usedFraction() > MAX_USED) {
                Thread.sleep(CHECK_EVERY);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        System.err.println("amqp-broker: exiting after a fatal error");
        Runtime.getRuntime().halt(1); // as Qpid's launcher: a broken store must not run shutdown hooks
    }

    private double usedFraction() {
        try {
            FileStore store = Files.getFileStore(data);
            return 1.0 - (double) store.getUsableSpace() / store.getTotalSpace();
        } catch (IOException e) {
            return 0; // cannot tell: exit, as Qpid's launcher would
        }
    }
}
