package com.webprometrics.query.infra;

import java.util.List;

/** The API's list shape: {@code {items, page, size, total}}. */
public record Page<T>(List<T> items, int page, int size, long total) {
}
