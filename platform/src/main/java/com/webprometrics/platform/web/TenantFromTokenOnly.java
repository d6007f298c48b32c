package com.webprometrics.platform.web;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Locale;

import org.springframework.core.MethodParameter;
import org.springframework.web.bind.annotation.CookieValue;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;

/**
 * The agency a request acts for comes from its access token ({@code CurrentUser}), never from the request: no
 * endpoint may take an agency (or tenant) id as a path variable, query parameter, header or cookie, nor a body type
 * with such a component. Checked over every mapped endpoint when a service starts (it refuses to start
 * otherwise) and in each service's tests; operators' controllers marked {@link AcrossTenants} are exempt.
 */
public final class TenantFromTokenOnly {
    private TenantFromTokenOnly() {
    }

    public static List<String> violations(Collection<HandlerMethod> endpoints) {
        List<String> found = new ArrayList<>();
        org.springframework.core.ParameterNameDiscoverer names = new org.springframework.core.DefaultParameterNameDiscoverer();
        for (HandlerMethod endpoint : endpoints) {
            if (endpoint.getBeanType().isAnnotationPresent(AcrossTenants.class)) {
                continue;
            }
            for (MethodParameter parameter : endpoint.getMethodParameters()) {
                parameter.initParameterNameDiscovery(names);
                String bound = boundName(parameter);
                if (bound != null && namesTheTenant(bound)) {
                    found.add(endpoint + " takes " + bound + " from the request");
                }
                if (parameter.hasParameterAnnotation(RequestBody.class) && parameter.getParameterType().isRecord()) {
                    for (RecordComponent component : parameter.getParameterType().getRecordComponents()) {
                        if (namesTheTenant(component.getName())) {
                            found.add(endpoint + " reads " + component.getName() + " from its body");
                        }
                    }
                }
            }
        }
        return found;
    }

    private static String boundName(MethodParameter parameter) {
        String explicit = null;
        if (parameter.hasParameterAnnotation(PathVariable.class)) {
            explicit = parameter.getParameterAnnotation(PathVariable.class).value();
        } else if (parameter.hasParameterAnnotation(RequestParam.class)) {
            explicit = parameter.getParameterAnnotation(RequestParam.class).value();
        } else if (parameter.hasParameterAnnotation(RequestHeader.class)) {
            explicit = parameter.getParameterAnnotation(RequestHeader.class).value();
        } else if (parameter.hasParameterAnnotation(CookieValue.class)) {
            explicit = parameter.getParameterAnnotation(CookieValue.class).value();
        } else {
            return null;
        }
        return explicit.isEmpty() ? String.valueOf(parameter.getParameterName()) : explicit;
    }

    private static final java.util.Set<String> TENANT_NAMES = java.util.Set.of("agency", "agencyid", "tenant", "tenantid");

    /** {@code agencyId}, {@code agency_id}, {@code X-Agency-Id}, {@code tenant}…; an agency's name is no tenant. */
    static boolean namesTheTenant(String name) {
        String plain = name.toLowerCase(Locale.ROOT).replace("-", "").replace("_", "");
        return TENANT_NAMES.contains(plain.startsWith("x") && TENANT_NAMES.contains(plain.substring(1))
                ? plain.substring(1) : plain);
    }
}
