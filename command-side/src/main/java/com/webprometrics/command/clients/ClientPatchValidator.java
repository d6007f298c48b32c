package com.webprometrics.command.clients;

import com.webprometrics.platform.web.ProblemException;
import com.webprometrics.platform.web.Problems;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import org.springframework.stereotype.Component;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A PATCH names only the fields it changes; null clears a field. Each present field is checked with the
 * same constraints as a create ({@link ClientRequest}), and unknown fields are refused, not ignored.
 */
@Component
class ClientPatchValidator {
    private static final Set<String> FIELDS = Set.of("name", "website", "industry", "contactEmail", "notes");
    private final Validator validator;

    ClientPatchValidator(Validator validator) {
        this.validator = validator;
    }

    Map<String, String> validate(Map<String, Object> patch) {
        List<Map<String, String>> errors = new ArrayList<>();
        Map<String, String> changes = new HashMap<>();
        patch.forEach((field, value) -> {
            if (!FIELDS.contains(field)) {
                errors.add(Problems.fieldError(field, "is not a client field"));
            } else if (value != null && !(value instanceof String)) {
                errors.add(Problems.fieldError(field, "must be a string or null"));
            } else {
                String text = (String) value;
                Set<ConstraintViolation<ClientRequest>> violations = validator.validateValue(ClientRequest.class, field, text);
                if ("name".equals(field) && text == null) {
                    errors.add(Problems.fieldError(field, "must not be blank"));
                }
                violations.forEach(v -> errors.add(Problems.fieldError(field, v.getMessage())));
                changes.put(field, "name".equals(field) || text == null ? (text == null ? null : text.trim())
                        : ClientRequest.blankToNull(text));
            }
        });
        if (patch.isEmpty()) {
            errors.add(Problems.fieldError("body", "name at least one field to change"));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalidFields(errors);
        }
        return changes;
    }
}
