package com.webprometrics.platform.domain;

/**
 * A named reason a rule of the domain refuses a command: its {@link #code()} is stable (clients and tests may rely
 * on it; problem+json carries it as {@code code}), its kind says how HTTP answers, its title and detail what a user
 * reads. Each context lists its rejections as an enum implementing this.
 */
public interface Rejection {

    DomainException.Kind kind();

    String title();

    /** The detail used when the refusing code has nothing more specific to say. */
    String detail();

    /** {@code <context>-<name>}, e.g. {@code client-archived}. */
    String code();

    default DomainException get() {
        return new DomainException(this, detail());
    }

    default DomainException because(String detail) {
        return new DomainException(this, detail);
    }

    /** The code of an enum constant: the context's prefix and the constant's name in kebab case. */
    static String code(String context, Enum<?> constant) {
        return context + "-" + constant.name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
