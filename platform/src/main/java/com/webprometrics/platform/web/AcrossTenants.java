package com.webprometrics.platform.web;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A controller of platform operators ({@code /api/ops/**}, role OPS by the role matrix) that names the agency it acts
 * on in the request, as an operator acts for none of their own: the one exception {@link TenantFromTokenOnly} allows.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.TYPE)
public @interface AcrossTenants {
}
