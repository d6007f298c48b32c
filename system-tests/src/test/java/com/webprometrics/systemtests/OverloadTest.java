package com.webprometrics.systemtests;

import org.junit.jupiter.api.Test;

import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Check 21's second half: one signed-in user and one anonymous address flood the running stack well past their
 * budgets (bounded: a fixed number of requests, 16 at a time). The overload is shed with 429s, nothing fails with a
 * 5xx, answers stay fast, every service is still running (they exit on OutOfMemoryError) and others are still served.
 * Its addresses are its own ({@link Api#fromNewAddress()}): a spent budget must not refuse another test class on the
 * shared stack.
 */
class OverloadTest {
    private static final String PASSWORD = "correct horse battery staple";
    private static final int REQUESTS = 2400;
    private static final int CONCURRENCY = 16;
    /** The slowest answers under this flood on this box are a few hundred milliseconds; a queue would take seconds. */
    private static final Duration P99_BOUND = Duration.ofSeconds(2);

    private final Stack stack = Stack.shared();

    private record Answer(int status, long nanos) {
    }

    @Test
    void aFloodIsShedWith429sWhileAnswersStayFastAndEveryServiceSurvives() throws Exception {
        Api user = stack.api().fromNewAddress().answeringWithin(Duration.ofSeconds(10));
        ApiResponse signUp = user.post("/api/auth/signup", Map.of("agencyName", "Flood Agency", "name", "Flo",
                "email", "flood-" + UUID.randomUUID() + "@agency.test", "password", PASSWORD), null);
        assertThat(signUp.status()).as(signUp.toString()).isEqualTo(201);
        String token = signUp.field("accessToken");
        ApiResponse client = user.post("/api/clients", Map.of("name", "Flooded"), token);
        assertThat(client.status()).as(client.toString()).isEqualTo(201);
        String clientId = client.field("id");
        Api anonymous = stack.api().fromNewAddress().answeringWithin(Duration.ofSeconds(10));

        Queue<Answer> answers = new ConcurrentLinkedQueue<>();
        Queue<RuntimeException> unanswered = new ConcurrentLinkedQueue<>();
        AtomicInteger sent = new AtomicInteger();
        ExecutorService pool = Executors.newFixedThreadPool(CONCURRENCY);
        try {
            List<Future<?>> workers = new ArrayList<>();
            for (int w = 0; w < CONCURRENCY; w++) {
                workers.add(pool.submit(() -> {
                    for (int i; (i = sent.getAndIncrement()) < REQUESTS; ) {
                        long start = System.nanoTime();
                        try {
                            ApiResponse r = switch (i % 4) {
                                case 0 -> user.patch("/api/clients/" + clientId, Map.of("notes", "flood " + i), token);
                                case 1 -> user.get("/api/clients?size=20", token);
                                case 2 -> user.get("/api/clients/" + clientId + "/dashboard", token);
                                default -> anonymous.post("/api/auth/login",
                                        Map.of("email", "nobody-" + i + "@agency.test", "password", PASSWORD), null);
                            };
                            answers.add(new Answer(r.status(), System.nanoTime() - start));
                        } catch (UncheckedIOException e) {
                            unanswered.add(e);
                        }
                    }
                }));
            }
            for (Future<?> worker : workers) worker.get(5, TimeUnit.MINUTES);
        } finally {
            pool.shutdownNow();
        }

        assertThat(unanswered).as("every request answered").isEmpty();
        assertThat(answers).hasSize(REQUESTS);
        assertThat(answers).as("no 5xx under overload").noneMatch(a -> a.status() >= 500);
        assertThat(answers).filteredOn(a -> a.status() == 429).as("the flood is shed")
                .hasSizeGreaterThan(REQUESTS / 4);
        List<Long> nanos = answers.stream().map(Answer::nanos).sorted().toList();
        Duration p99 = Duration.ofNanos(nanos.get((int) Math.ceil(nanos.size() * 0.99) - 1));
        System.out.printf("overload: %d requests, %d answered 429, p50 %d ms, p99 %d ms%n", REQUESTS,
                answers.stream().filter(a -> a.status() == 429).count(), nanos.get(nanos.size() / 2) / 1_000_000,
                p99.toMillis());
        assertThat(p99).as("p99 of all answers").isLessThan(P99_BOUND);

        for (String service : List.of(Stack.COMMAND, Stack.QUERY, Stack.GATEWAY)) {
            assertThat(stack.process(service).isAlive()).as(service + " still running (no OutOfMemoryError)").isTrue();
        }
        assertThat(stack.api().get("/health", null).status()).isEqualTo(200);
        Api someoneElse = stack.api().fromNewAddress();
        ApiResponse other = someoneElse.post("/api/auth/signup", Map.of("agencyName", "Calm Agency", "name", "Cal",
                "email", "calm-" + UUID.randomUUID() + "@agency.test", "password", PASSWORD), null);
        assertThat(other.status()).as("another user is served: " + other).isEqualTo(201);
        assertThat(someoneElse.get("/api/clients", other.field("accessToken")).status()).isEqualTo(200);
    }
}
