package io.devstack.infra.container;

import java.util.List;

/**
 * The script a container runs instead of its image's entrypoint: wait for Vault and the AppRole files, log in
 * with the service's own AppRole, export {@code exports} from its KV secrets, then {@code exec} the image's real
 * {@code entrypoint} with the container's command (plus {@code extraArgs}, which may name exported variables).
 * {@code http} is the HTTP client the image ships; {@code background} is an optional generated script started
 * alongside the service (e.g. creating databases once the server accepts connections).
 */
public record InitWrapper(
        String vaultClient,
        List<Export> exports,
        HttpTool http,
        List<String> entrypoint,
        List<String> extraArgs,
        String background,
        String runAs) {

    public InitWrapper {
        exports = List.copyOf(exports);
        entrypoint = List.copyOf(entrypoint);
        extraArgs = List.copyOf(extraArgs);
    }

    /**
     * The same wrapper for an image whose own user cannot read the 0600 AppRole files: the container runs as root,
     * the wrapper logs in, then hands over to {@code user} (busybox/util-linux {@code su -p}, keeping the exports).
     */
    public InitWrapper droppingTo(String user) {
        return new InitWrapper(vaultClient, exports, http, entrypoint, extraArgs, background, user);
    }

    /** Environment variable {@code variable} gets field {@code field} of secret {@code secret/<secret>}. */
    public record Export(String variable, String secret, String field) {}

    /** How the wrapper speaks HTTP to Vault, by what the image has: curl, busybox/GNU wget, or bash's /dev/tcp. */
    public enum HttpTool {
        CURL("curl"),
        WGET("wget"),
        BASH_TCP("bash");

        private final String executable;

        HttpTool(String executable) {
            this.executable = executable;
        }

        public String executable() {
            return executable;
        }
    }
}
