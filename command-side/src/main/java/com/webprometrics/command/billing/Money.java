package com.webprometrics.command.billing;

import java.math.BigDecimal;

/** How amounts and rates read on invoices and previews. */
final class Money {
    private Money() {
    }

    /** 1900 basis points → "19 %", 2550 → "25.5 %". */
    static String percent(int basisPoints) {
        return BigDecimal.valueOf(basisPoints, 2).stripTrailingZeros().toPlainString() + " %";
    }
}
