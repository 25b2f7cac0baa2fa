package io.devstack.infra.container;

/**
 * One mount of a container. {@code source} is a named volume ({@link Kind#VOLUME}), a file the generator writes
 * into the compose project ({@link Kind#GENERATED}, relative to it), a folder of the DevStack home
 * ({@link Kind#STATE}, relative to it, e.g. {@code approle/postgres}) or a host path ({@link Kind#HOST}).
 */
public record Mount(Kind kind, String source, String target, boolean readOnly) {

    public enum Kind {
        VOLUME,
        GENERATED,
        STATE,
        HOST
    }

    public static Mount volume(String name, String target) {
        return new Mount(Kind.VOLUME, name, target, false);
    }

    public static Mount generated(String file, String target) {
        return new Mount(Kind.GENERATED, file, target, true);
    }

    public static Mount state(String path, String target) {
        return new Mount(Kind.STATE, path, target, true);
    }

    public static Mount host(String path, String target, boolean readOnly) {
        return new Mount(Kind.HOST, path, target, readOnly);
    }
}
