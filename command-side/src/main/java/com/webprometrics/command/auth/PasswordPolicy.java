package com.webprometrics.command.auth;

import com.nulabinc.zxcvbn.Strength;
import com.nulabinc.zxcvbn.Zxcvbn;
import jakarta.validation.ConstraintValidator;
import jakarta.validation.ConstraintValidatorContext;

/**
 * ASVS 6.2: at least 12 characters, up to 200 (any characters; nothing is truncated), and refused when it is among
 * the passwords attackers try first. zxcvbn estimates the guesses an attacker needs from its lists of common
 * passwords, words, names, keyboard patterns, dates and sequences: {@code password1234} or {@code qwertyuiop12} is a
 * few thousand guesses; a score of 3 (about 10^8 guesses) is required. Only the first 100 characters are scored: a
 * longer password is no weaker for what follows, and the estimate grows with the length it reads.
 */
public class PasswordPolicy implements ConstraintValidator<NewPassword, String> {
    public static final int MIN_LENGTH = 12;
    public static final int MAX_LENGTH = 200;
    private static final int MIN_SCORE = 3;
    private static final int SCORED_LENGTH = 100;
    private static final Zxcvbn ESTIMATOR = new Zxcvbn();

    @Override
    public boolean isValid(String password, ConstraintValidatorContext context) {
        if (password == null) {
            return true; // @NotNull says so where it is required
        }
        int length = password.codePointCount(0, password.length());
        if (length < MIN_LENGTH) {
            return refuse(context, "must be at least " + MIN_LENGTH + " characters");
        }
        if (length > MAX_LENGTH) {
            return refuse(context, "must be at most " + MAX_LENGTH + " characters");
        }
        if (password.isBlank()) {
            return refuse(context, "must not be only spaces");
        }
        Strength strength = ESTIMATOR.measure(password.substring(0, password.offsetByCodePoints(0,
                Math.min(length, SCORED_LENGTH))));
        if (strength.getScore() < MIN_SCORE) {
            return refuse(context, "is too easy to guess (it is close to passwords attackers try first); "
                    + "use a few unrelated words or more characters");
        }
        return true;
    }

    private static boolean refuse(ConstraintValidatorContext context, String message) {
        context.disableDefaultConstraintViolation();
        context.buildConstraintViolationWithTemplate(message).addConstraintViolation();
        return false;
    }
}
