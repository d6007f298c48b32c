package com.webprometrics.command.auth;

import jakarta.validation.Constraint;
import jakarta.validation.Payload;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * A password someone is about to set (sign-up, accepting an invitation, change, reset): 12 to 200 characters and not
 * easy to guess ({@link PasswordPolicy}). Only where a password is chosen: signing in checks nothing but the hash.
 */
@Target({ElementType.FIELD, ElementType.PARAMETER, ElementType.RECORD_COMPONENT})
@Retention(RetentionPolicy.RUNTIME)
@Constraint(validatedBy = PasswordPolicy.class)
public @interface NewPassword {
    String message() default "must be at least 12 characters and not easy to guess";

    Class<?>[] groups() default {};

    Class<? extends Payload>[] payload() default {};
}
