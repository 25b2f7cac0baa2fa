package io.devstack.infra.container;

import java.util.List;

/**
 * The script a container runs instead of its image's entrypoint: wait for Vault and the AppRole files, log in
 * with the service's own AppRole, export {@code exports} from its KV secrets, then {@code exec} the image's real
 * {@code entrypoint} with the container's command. {@code stdin} lines (which may name exported variables) are fed to
 * that process on its standard input, for a server that reads its secrets from there ({@code redis-server -}):
 * a secret never goes on a command line. {@code http} is how the wrapper reaches Vault with what the image ships;
 * {@code background} is an optional generated script started alongside the service (e.g. creating databases once
 * the server accepts connections).
 */
public record InitWrapper(
        String vaultClient,
        List<Export> exports,
        HttpTool http,
        List<String> entrypoint,
        List<String> stdin,
        String background,
        String runAs) {

    public InitWrapper {
        exports = List.copyOf(exports);
        entrypoint = List.copyOf(entrypoint);
        stdin = List.copyOf(stdin);
    }

    /**
     * The same wrapper for an image whose own user cannot read the 0600 AppRole files: the container runs as root,
     * the wrapper logs in, then hands over to {@code user} (busybox/util-linux {@code su -p}, keeping the exports).
     */
    public InitWrapper droppingTo(String user) {
        return new InitWrapper(vaultClient, exports, http, entrypoint, stdin, background, user);
    }

    /** Environment variable {@code variable} gets field {@code field} of secret {@code secret/<secret>}. */
    public record Export(String variable, String secret, String field) {}

    /**
     * What carries the wrapper's HTTP/1.0 requests to Vault, by what the image has: busybox {@code nc} (alpine
     * images) or bash's {@code /dev/tcp}. Both read the request on standard input, so the token and secret-id are
     * never arguments; curl would need {@code -H @file} and busybox wget takes headers only as arguments.
     */
    public enum HttpTool {
        NC("nc"),
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
