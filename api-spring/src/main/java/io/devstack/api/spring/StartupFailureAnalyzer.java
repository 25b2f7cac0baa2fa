package io.devstack.api.spring;

import io.devstack.common.InvalidSettingException;
import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/**
 * A bad environment variable stops startup with common's one-line explanation (which names the variable and
 * the expected form) instead of a bean-creation stack trace. Registered in {@code META-INF/spring.factories}.
 */
class StartupFailureAnalyzer extends AbstractFailureAnalyzer<InvalidSettingException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, InvalidSettingException cause) {
        return new FailureAnalysis(
                cause.getMessage(), "Correct " + cause.variable() + " in the environment and start again.", cause);
    }
}
