package com.webprometrics.query.clients;

import java.time.Instant;
import java.util.UUID;

public record ClientView(UUID id, String name, String website, String industry, String contactEmail, String notes,
                         String status, Instant createdAt, Instant updatedAt, int integrationCount) {
}
