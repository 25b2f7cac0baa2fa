package io.devstack.common;

import io.devstack.common.http.ApiException;
import io.devstack.common.resilience.BackendFailures;
import java.net.BindException;
import java.net.UnknownHostException;
import java.nio.channels.UnresolvedAddressException;
import java.util.Map;

/**
 * How each of the five {@code main}s starts: the settings read from the environment, then the framework started
 * by the module ({@link Start}). A failure on the way is one line on stderr,
 * {@code api-<name> cannot start: <what failed> — <what to do>}, and exit code {@link #FAILURE_EXIT_CODE}, whatever
 * failed (a setting, a busy port, Vault). Never a stack trace; the reason is a message of our own or a setting's
 * name and value, never a secret. So an {@code Application} only starts its framework and lets failures through.
 */
public final class ApiStartup {

    /** The one exit code of a start-up failure. */
    public static final int FAILURE_EXIT_CODE = 1;

    /** The module's part: start its framework with these settings; throw if it cannot serve. */
    @FunctionalInterface
    public interface Start {
        void start(ApiSettings settings) throws Exception;
    }

    private ApiStartup() {}

    /** Reads the settings and calls {@code start}; a failure ends the process with {@link #failureLine}. */
    public static void run(ApiModule module, Start start) {
        Map<String, String> env = System.getenv();
        try {
            start.start(ApiSettings.fromEnvironment(env, module));
        } catch (Exception e) { // Vert.x's await() rethrows a BindException unchecked, hence not RuntimeException
            System.err.println(failureLine(module, env, e));
            System.exit(FAILURE_EXIT_CODE);
        }
    }

    /** The line for {@code failure}; {@code env} is the environment the API read its settings from. */
    public static String failureLine(ApiModule module, Map<String, String> env, Throwable failure) {
        return module.moduleName() + " cannot start: " + explain(module, env, failure);
    }

    private static String explain(ApiModule module, Map<String, String> env, Throwable failure) {
        InvalidSettingException invalid = find(failure, InvalidSettingException.class);
        if (invalid != null) {
            return invalid.getMessage() + " — correct " + invalid.variable() + " and start again";
        }
        ApiSettings settings = ApiSettings.fromEnvironment(env, module); // it parsed, or the API would not be here
        BindException bind = find(failure, BindException.class);
        if (bind != null && String.valueOf(bind.getMessage()).contains("in use")) {
            return portsInUse(settings);
        }
        // a name that does not resolve: the JDK's two ways of saying so (another host's name is not ours to blame)
        UnknownHostException unknown = find(failure, UnknownHostException.class);
        boolean unresolved = find(failure, UnresolvedAddressException.class) != null
                || unknown != null && String.valueOf(unknown.getMessage()).contains(settings.bindAddress());
        if (bind != null || unresolved) {
            return ApiSettings.BIND_ADDRESS_VAR + "=" + settings.bindAddress()
                    + " is not an address of this machine — set " + ApiSettings.BIND_ADDRESS_VAR
                    + " to one of its addresses, e.g. 127.0.0.1 or 0.0.0.0";
        }
        String reason = reason(failure);
        return settings.tlsEnabled()
                ? reason + " — check that Vault at " + settings.vaultAddress() + " issues certificates for role "
                        + module.moduleName() + "-role, or set TLS_ENABLED=false"
                : reason + " — check the settings (docs/api-contract.md, Configuration) and start again";
    }

    private static String portsInUse(ApiSettings settings) {
        String address = settings.bindAddress() + ":";
        return settings.tlsEnabled()
                ? address + settings.httpPort() + " or " + address + settings.httpsPort()
                        + " is already in use — stop what listens there or set HTTP_PORT and HTTPS_PORT to free ports"
                : address + settings.httpPort()
                        + " is already in use — stop what listens there or set HTTP_PORT to a free port";
    }

    /** The first {@code type} in {@code failure}'s cause chain, or {@code null}. */
    private static <T extends Throwable> T find(Throwable failure, Class<T> type) {
        return BackendFailures.firstCause(failure, type).orElse(null);
    }

    /**
     * Our own exception's message when there is one (written for people, never holding a secret), else the innermost
     * message (the outer ones are frameworks' wrappers), else the innermost type.
     */
    private static String reason(Throwable failure) {
        ApiException ours = find(failure, ApiException.class);
        if (ours != null) {
            return ours.getMessage();
        }
        return BackendFailures.causes(failure)
                .map(Throwable::getMessage)
                .filter(message -> message != null && !message.isBlank())
                .reduce((outer, inner) -> inner)
                .orElse(failure.getClass().getSimpleName());
    }
}
