package com.webprometrics.query.dashboard;

import com.webprometrics.events.catalogue.Metric;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.IntStream;

/**
 * Running sums of every base metric over some rows of {@code query.metrics_daily}, in micro-units. A metric
 * no row reported (all NULL) stays absent, which is not the same as a sum of 0. Sums are exact: a long
 * that would overflow continues as a BigInteger.
 */
final class MetricSums {
    static final List<String> KEYS = Metric.KEYS;
    /** Column number of each metric key. */
    static final Map<String, Integer> INDEX = IntStream.range(0, KEYS.size()).boxed()
            .collect(Collectors.toUnmodifiableMap(KEYS::get, i -> i));
    private static final int N = KEYS.size();

    private final long[] sums = new long[N];
    private final boolean[] present = new boolean[N];
    private BigInteger[] overflow;

    /** Adds one row's value of metric {@code index}; {@code wasNull} when the row has no value for it. */
    void add(int index, long micros, boolean wasNull) {
        if (wasNull) {
            return;
        }
        present[index] = true;
        long before = sums[index];
        long after = before + micros;
        if (((before ^ after) & (micros ^ after)) < 0) {
            if (overflow == null) {
                overflow = new BigInteger[N];
            }
            BigInteger carried = overflow[index] == null ? BigInteger.ZERO : overflow[index];
            overflow[index] = carried.add(BigInteger.valueOf(before)).add(BigInteger.valueOf(micros));
            sums[index] = 0;
        } else {
            sums[index] = after;
        }
    }

    /** Adds a sum of micro-units that PostgreSQL computed (NUMERIC: it may exceed a long). */
    void add(int index, BigDecimal micros) {
        BigInteger value = micros.toBigIntegerExact();
        if (value.bitLength() < Long.SIZE) {
            add(index, value.longValue(), false);
        } else {
            present[index] = true;
            if (overflow == null) {
                overflow = new BigInteger[N];
            }
            overflow[index] = (overflow[index] == null ? BigInteger.ZERO : overflow[index]).add(value);
        }
    }

    boolean isEmpty() {
        for (boolean p : present) {
            if (p) {
                return false;
            }
        }
        return true;
    }

    /** The reported metrics' sums as decimals, in vocabulary order. */
    Map<String, BigDecimal> toMap() {
        Map<String, BigDecimal> values = new LinkedHashMap<>();
        for (int i = 0; i < N; i++) {
            if (present[i]) {
                BigInteger big = overflow == null ? null : overflow[i];
                values.put(KEYS.get(i), big == null ? Micros.toDecimal(sums[i])
                        : Micros.toDecimal(big.add(BigInteger.valueOf(sums[i]))));
            }
        }
        return values;
    }
}
