package com.webprometrics.systemtests;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

/**
 * {@code @ExtendWith(StackExtension.class)}: starts the shared {@link Stack} once for the whole test run and stops it
 * when the run ends (root store; the JVM shutdown hook is only the fallback). Injects {@link Stack} and {@link Api}
 * parameters into constructors, lifecycle methods and tests.
 */
public final class StackExtension implements BeforeAllCallback, ParameterResolver {

    private static final ExtensionContext.Namespace NS = ExtensionContext.Namespace.create(StackExtension.class);

    @Override
    public void beforeAll(ExtensionContext context) {
        stack(context);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext context) {
        Class<?> type = parameter.getParameter().getType();
        return type == Stack.class || type == Api.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext context) {
        Stack stack = stack(context);
        return parameter.getParameter().getType() == Stack.class ? stack : stack.api();
    }

    private static Stack stack(ExtensionContext context) {
        return context.getRoot().getStore(NS)
                .getOrComputeIfAbsent("stack", key -> new Closer(Stack.shared()), Closer.class).stack;
    }

    /** Closed by JUnit when the root store closes, i.e. after the last test of the run. */
    private record Closer(Stack stack) implements AutoCloseable {
        @Override
        public void close() {
            stack.close();
        }
    }
}
