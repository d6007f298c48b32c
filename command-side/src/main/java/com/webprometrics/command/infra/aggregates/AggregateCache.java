package com.webprometrics.command.infra.aggregates;

import com.github.benmanes.caffeine.cache.Caffeine;
import org.axonframework.common.Registration;
import org.axonframework.common.caching.Cache;

import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * Loaded aggregates kept between commands, so a command does not read and replay its aggregate's events again:
 * a bounded (least recently used out), strongly referenced cache. Another instance's append to a cached aggregate
 * makes this instance's next append for it fail on the event store's unique (aggregate, sequence) key; Axon then
 * evicts the entry and the command answers 409, to be retried. Entry listeners are not supported (Axon's
 * repositories register none).
 */
public final class AggregateCache implements Cache {
    private final com.github.benmanes.caffeine.cache.Cache<Object, Object> entries;

    public AggregateCache(long maximumSize) {
        this.entries = Caffeine.newBuilder().maximumSize(maximumSize).build();
    }

    @Override
    @SuppressWarnings("unchecked")
    public <K, V> V get(K key) {
        return (V) entries.getIfPresent(key);
    }

    @Override
    public void put(Object key, Object value) {
        entries.put(key, value);
    }

    @Override
    public boolean putIfAbsent(Object key, Object value) {
        return entries.asMap().putIfAbsent(key, value) == null;
    }

    @Override
    @SuppressWarnings("unchecked")
    public <T> T computeIfAbsent(Object key, Supplier<T> valueSupplier) {
        return (T) entries.get(key, k -> valueSupplier.get());
    }

    @Override
    @SuppressWarnings("unchecked")
    public <V> void computeIfPresent(Object key, UnaryOperator<V> update) {
        entries.asMap().computeIfPresent(key, (k, v) -> update.apply((V) v));
    }

    @Override
    public boolean remove(Object key) {
        return entries.asMap().remove(key) != null;
    }

    @Override
    public void removeAll() {
        entries.invalidateAll();
    }

    @Override
    public boolean containsKey(Object key) {
        return entries.asMap().containsKey(key);
    }

    @Override
    public Registration registerCacheEntryListener(EntryListener cacheEntryListener) {
        throw new UnsupportedOperationException("The aggregate cache has no entry listeners");
    }

    long size() {
        entries.cleanUp();
        return entries.estimatedSize();
    }
}
