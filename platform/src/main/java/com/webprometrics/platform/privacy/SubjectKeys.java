package com.webprometrics.platform.privacy;

import org.springframework.dao.EmptyResultDataAccessException;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

import java.security.SecureRandom;
import java.util.Collection;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * One AES-256 key per data subject ({@code user:<id>}, {@code invitation:<id>}, {@code client-contact:<clientId>},
 * {@code agency:<id>}), in {@code privacy.subject_keys}: outside the event store, so destroying a row erases the
 * subject's personal data in every event without touching an event. The command side creates keys as it appends;
 * both sides read them. Keys are remembered for at most {@link #REMEMBERED_MILLIS}: another instance stops reading
 * an erased subject within that time ({@link #forget} at once where the erasure is handled).
 */
public class SubjectKeys {
    static final long REMEMBERED_MILLIS = 60_000;
    private static final SecureRandom RANDOM = new SecureRandom();

    private final JdbcTemplate jdbc;
    private final Map<String, Remembered> cache = new ConcurrentHashMap<>();

    private record Remembered(byte[] key, long readAt) {
    }

    public SubjectKeys(JdbcTemplate jdbc) {
        this.jdbc = jdbc;
    }

    /** The subject's key, created on first use (inside the caller's transaction, with the event it encrypts). */
    public byte[] keyFor(String subject, String agencyId) {
        Optional<byte[]> known = find(subject);
        if (known.isPresent()) {
            return known.get();
        }
        byte[] key = new byte[32];
        RANDOM.nextBytes(key);
        jdbc.update("INSERT INTO privacy.subject_keys (subject, key, agency_id) VALUES (?, ?, ?::uuid) "
                + "ON CONFLICT (subject) DO NOTHING", subject, key, agencyId);
        byte[] stored = jdbc.queryForObject("SELECT key FROM privacy.subject_keys WHERE subject = ?", byte[].class, subject);
        // remembered once committed: a rolled-back key must not seal the next attempt's data
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    remember(subject, stored);
                }
            });
        } else {
            remember(subject, stored);
        }
        return stored;
    }

    /** The subject's key; empty once the subject was erased (or never had personal data stored). */
    public Optional<byte[]> find(String subject) {
        return find(subject, false);
    }

    /**
     * The same, read from the table again when {@code fresh} (a remembered key did not open a value: it may have been
     * replaced) unless it was read within the last second (an erased subject's values then cost no query each).
     */
    public Optional<byte[]> find(String subject, boolean fresh) {
        Remembered remembered = cache.get(subject);
        long age = remembered == null ? Long.MAX_VALUE : System.currentTimeMillis() - remembered.readAt();
        if (remembered != null && (fresh ? age < 1_000 : age < REMEMBERED_MILLIS)) {
            return Optional.ofNullable(remembered.key());
        }
        byte[] key;
        try {
            key = jdbc.queryForObject("SELECT key FROM privacy.subject_keys WHERE subject = ?", byte[].class, subject);
        } catch (EmptyResultDataAccessException erased) {
            key = null;
        }
        remember(subject, key);
        return Optional.ofNullable(key);
    }

    /** Every subject that has a key for the agency's data. */
    public java.util.List<String> subjectsOf(java.util.UUID agencyId) {
        return jdbc.queryForList("SELECT subject FROM privacy.subject_keys WHERE agency_id = ? ORDER BY subject",
                String.class, agencyId);
    }

    /** Destroys the subjects' keys (in the caller's transaction); answers how many existed. */
    public int destroy(Collection<String> subjects) {
        int destroyed = 0;
        for (String subject : subjects) {
            destroyed += jdbc.update("DELETE FROM privacy.subject_keys WHERE subject = ?", subject);
        }
        forget(subjects);
        return destroyed;
    }

    public void forget(Collection<String> subjects) {
        subjects.forEach(cache::remove);
    }

    private void remember(String subject, byte[] key) {
        if (cache.size() > 100_000) {
            cache.clear();
        }
        cache.put(subject, new Remembered(key, System.currentTimeMillis()));
    }
}
