package com.webprometrics.query.dashboard;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.math.RoundingMode;

/**
 * Metric values in the read model are whole micro-units (value × 1,000,000) so sums are exact and cheap.
 * Beyond six decimals a value is rounded half-even; no metric of the vocabulary needs more.
 */
final class Micros {
    static final int SCALE = 6;

    private Micros() {
    }

    static long of(BigDecimal value) {
        return value.setScale(SCALE, RoundingMode.HALF_EVEN).unscaledValue().longValueExact();
    }

    /** The decimal value, without trailing zeros but never in exponent notation (1100, not 1.1E+3). */
    static BigDecimal toDecimal(long micros) {
        return plain(BigDecimal.valueOf(micros, SCALE));
    }

    static BigDecimal toDecimal(BigInteger micros) {
        return plain(new BigDecimal(micros, SCALE));
    }

    private static BigDecimal plain(BigDecimal value) {
        BigDecimal stripped = value.stripTrailingZeros();
        return stripped.scale() < 0 ? stripped.setScale(0) : stripped;
    }
}
