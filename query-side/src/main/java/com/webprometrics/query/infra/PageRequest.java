package com.webprometrics.query.infra;

import com.webprometrics.platform.web.ProblemException;
import com.webprometrics.platform.web.Problems;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** {@code ?page=0&size=20}, size at most 200. */
public record PageRequest(int page, int size) {
    public static final int MAX_SIZE = 200;

    public static PageRequest of(Integer page, Integer size) {
        int p = page == null ? 0 : page;
        int s = size == null ? 20 : size;
        List<Map<String, String>> errors = new ArrayList<>();
        if (p < 0) {
            errors.add(Problems.fieldError("page", "must be 0 or more"));
        }
        if (s < 1 || s > MAX_SIZE) {
            errors.add(Problems.fieldError("size", "must be between 1 and " + MAX_SIZE));
        }
        if (!errors.isEmpty()) {
            throw ProblemException.invalidFields(errors);
        }
        return new PageRequest(p, s);
    }

    public long offset() {
        return (long) page * size;
    }
}
