package com.webprometrics.command.auth;

import java.util.concurrent.Semaphore;
import java.util.function.Supplier;

import org.springframework.security.crypto.password.PasswordEncoder;

/**
 * At most {@code slots} password hashes computed at once: each argon2id hash holds 19 MiB and a core for tens of
 * milliseconds, so a burst of sign-ins waits for a slot instead of exhausting the heap. A password that cannot be
 * checked against a stored hash (longer than a legacy bcrypt hash can take) simply does not match.
 */
public class LimitedPasswordEncoder implements PasswordEncoder {
    private final PasswordEncoder delegate;
    private final Semaphore slots;

    public LimitedPasswordEncoder(PasswordEncoder delegate, int slots) {
        this.delegate = delegate;
        this.slots = new Semaphore(slots, true);
    }

    @Override
    public String encode(CharSequence rawPassword) {
        return inSlot(() -> delegate.encode(rawPassword));
    }

    @Override
    public boolean matches(CharSequence rawPassword, String encodedPassword) {
        try {
            return inSlot(() -> delegate.matches(rawPassword, encodedPassword));
        } catch (IllegalArgumentException uncheckable) {
            return false;
        }
    }

    @Override
    public boolean upgradeEncoding(String encodedPassword) {
        return delegate.upgradeEncoding(encodedPassword);
    }

    private <T> T inSlot(Supplier<T> hashing) {
        slots.acquireUninterruptibly();
        try {
            return hashing.get();
        } finally {
            slots.release();
        }
    }
}
