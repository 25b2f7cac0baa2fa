package io.devstack.common.resilience;

import java.util.function.Predicate;

/** Small helpers to read a driver's exception chain without caring which layer wrapped it. */
public final class BackendFailures {

    private BackendFailures() {
    }

    /** True when {@code test} holds for the throwable or any of its causes. */
    public static boolean anyCause(Throwable failure, Predicate<Throwable> test) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (test.test(t)) {
                return true;
            }
        }
        return false;
    }

    /** The innermost cause's class and message, for a log line. */
    public static String describe(Throwable failure) {
        Throwable root = failure;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String text = failure.getClass().getSimpleName() + ": " + failure.getMessage();
        return root == failure ? text : text + " (caused by " + root.getClass().getSimpleName() + ": "
                + root.getMessage() + ")";
    }
}
