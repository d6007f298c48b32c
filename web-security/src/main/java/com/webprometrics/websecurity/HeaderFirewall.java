package com.webprometrics.websecurity;

import org.springframework.security.web.firewall.StrictHttpFirewall;

import java.util.function.Predicate;

/**
 * Spring Security's strict firewall with the same header rules, checked by a plain loop instead of its
 * Unicode-class regex. The regex ran over every header value on every read — a 900-character bearer
 * token several times a request — and was the largest single CPU cost of a query (JFR, see
 * docs/benchmarks.md).
 */
public final class HeaderFirewall {
    private HeaderFirewall() {
    }

    public static StrictHttpFirewall strict() {
        StrictHttpFirewall firewall = new StrictHttpFirewall();
        firewall.setAllowedHeaderNames(ASSIGNED_AND_NOT_CONTROL);
        firewall.setAllowedHeaderValues(ASSIGNED_AND_NOT_CONTROL);
        return firewall;
    }

    /**
     * Every character is assigned in Unicode and is not an ISO control character, like the default rule. Printable
     * ASCII (all of a bearer token) passes without looking anything up: the Unicode lookups per character were still
     * a tenth of a command's CPU (docs/benchmarks.md).
     */
    public static final Predicate<String> ASSIGNED_AND_NOT_CONTROL = value -> {
        int i = 0;
        while (i < value.length()) {
            char c = value.charAt(i);
            if (c < 0x20 || c >= 0x7f) {
                break;
            }
            i++;
        }
        while (i < value.length()) {
            int codePoint = value.codePointAt(i);
            if (Character.isISOControl(codePoint) || !Character.isDefined(codePoint)) {
                return false;
            }
            i += Character.charCount(codePoint);
        }
        return true;
    };
}
