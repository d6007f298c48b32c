package com.webprometrics.systemtests;

import com.fasterxml.jackson.databind.JsonNode;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.crypto.RSASSAVerifier;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.SignedJWT;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URI;
import java.security.KeyFactory;
import java.security.interfaces.RSAPrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The API as an outside client meets it: through the gateway, over HTTP, against the three running
 * services and PostgreSQL. Each test uses its own agency and its own client address (a documentation
 * address in X-Forwarded-For), so rate limits of one test never leak into another.
 */
@ExtendWith(StackExtension.class)
class ApiEndToEndTest {
    private static final String PASSWORD = "correct horse battery staple";

    private final Stack stack;
    private final Api anonymous;

    ApiEndToEndTest(Stack stack) {
        this.stack = stack;
        this.anonymous = stack.api();
    }

    private record Account(String email, String agencyId, String userId, String accessToken, String refreshToken,
                           long position) {
        static Account of(String email, ApiResponse r) {
            JsonNode j = r.json();
            return new Account(email, j.path("agencyId").asText(), j.path("userId").asText(),
                    j.path("accessToken").asText(), j.path("refreshToken").asText(), j.path("position").asLong());
        }
    }

    private Account signUp(Api api, String agencyName) {
        String email = "owner-" + UUID.randomUUID() + "@agency.test";
        ApiResponse r = api.post("/api/auth/signup", Map.of("agencyName", agencyName, "name", "Olive Owner",
                "email", email, "password", PASSWORD), null);
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return Account.of(email, r);
    }

    private String createClient(Api api, Account owner, String name) {
        ApiResponse r = api.post("/api/clients", Map.of("name", name), owner.accessToken());
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return r.field("id");
    }

    private long eventCount() throws Exception {
        return eventsOf(null);
    }

    /** Events in the store, of these aggregates only when given. */
    private long eventsOf(List<String> aggregates) throws Exception {
        try (Connection c = stack.postgres().connect(stack.databaseName());
             java.sql.PreparedStatement s = c.prepareStatement("SELECT count(*) FROM event_store.domain_event_entry"
                     + (aggregates == null ? "" : " WHERE aggregate_identifier = ANY (?)"))) {
            if (aggregates != null) s.setArray(1, c.createArrayOf("text", aggregates.toArray()));
            try (ResultSet rs = s.executeQuery()) {
                rs.next();
                return rs.getLong(1);
            }
        }
    }

    @Test
    void signUpThenLogInGivesATokenThatVerifiesAgainstThePublishedKeys() throws Exception {
        Api api = anonymous.fromNewAddress();
        Account owner = signUp(api, "Verified Agency");
        ApiResponse again = anonymous.fromNewAddress().post("/api/auth/signup", Map.of("agencyName", "Copy", "name", "X",
                "email", owner.email().toUpperCase(), "password", PASSWORD), null);
        assertThat(again.status()).as(again.toString()).isEqualTo(409);
        assertThat(again.isProblem()).isTrue();

        ApiResponse login = api.post("/api/auth/login", Map.of("email", owner.email(), "password", PASSWORD), null);
        assertThat(login.status()).as(login.toString()).isEqualTo(200);
        assertThat(login.field("tokenType")).isEqualTo("Bearer");
        assertThat(login.json().path("expiresIn").asLong()).isBetween(1L, 900L);

        JWKSet keys = JWKSet.parse(anonymous.get("/api/auth/jwks", null).text());
        SignedJWT jwt = SignedJWT.parse(login.field("accessToken"));
        RSAKey key = (RSAKey) keys.getKeyByKeyId(jwt.getHeader().getKeyID());
        assertThat(jwt.getHeader().getAlgorithm()).isEqualTo(JWSAlgorithm.RS256);
        assertThat(jwt.verify(new RSASSAVerifier(key))).isTrue();
        JWTClaimsSet claims = jwt.getJWTClaimsSet();
        assertThat(claims.getIssuer()).isEqualTo("webprometrics");
        assertThat(claims.getAudience()).containsExactly("webprometrics-api");
        assertThat(claims.getSubject()).isEqualTo(owner.userId());
        assertThat(claims.getStringClaim("agency_id")).isEqualTo(owner.agencyId());
        assertThat(claims.getStringListClaim("roles")).containsExactly("OWNER");
        assertThat(claims.getJWTID()).isNotBlank();
        assertThat(claims.getExpirationTime().getTime() - claims.getIssueTime().getTime()).isLessThanOrEqualTo(900_000);

        ApiResponse me = api.get("/api/auth/me", login.field("accessToken"), "X-Min-Position", String.valueOf(owner.position()));
        assertThat(me.status()).as(me.toString()).isEqualTo(200);
        assertThat(me.field("agencyName")).isEqualTo("Verified Agency");
        assertThat(me.field("email")).isEqualTo(owner.email());
        assertThat(me.field("timeZone")).isEqualTo("UTC");
        assertThat(me.header("X-Correlation-Id")).isNotBlank();
    }

    @Test
    void anAgencyLivesInTheTimeZoneItSignsUpWith() throws Exception {
        long events = eventCount();
        ApiResponse offset = anonymous.fromNewAddress().post("/api/auth/signup", Map.of("agencyName", "Offset", "name", "O",
                "email", "tz-" + UUID.randomUUID() + "@agency.test", "password", PASSWORD, "timeZone", "+02:00"), null);
        assertThat(offset.status()).as(offset.toString()).isEqualTo(400);
        assertThat(offset.json().path("errors").get(0).path("field").asText()).isEqualTo("timeZone");
        ApiResponse unknown = anonymous.fromNewAddress().post("/api/auth/signup", Map.of("agencyName", "Mars", "name", "M",
                "email", "tz-" + UUID.randomUUID() + "@agency.test", "password", PASSWORD, "timeZone", "Mars/Olympus"), null);
        assertThat(unknown.status()).as(unknown.toString()).isEqualTo(400);
        assertThat(eventCount()).isEqualTo(events);

        String email = "tz-" + UUID.randomUUID() + "@agency.test";
        ApiResponse berlin = anonymous.fromNewAddress().post("/api/auth/signup", Map.of("agencyName", "Berlin Agency", "name", "B",
                "email", email, "password", PASSWORD, "timeZone", "Europe/Berlin"), null);
        assertThat(berlin.status()).as(berlin.toString()).isEqualTo(201);
        Account account = Account.of(email, berlin);
        ApiResponse me = anonymous.get("/api/auth/me", account.accessToken(), "X-Min-Position",
                String.valueOf(account.position()));
        assertThat(me.field("timeZone")).isEqualTo("Europe/Berlin");
    }

    @Test
    void clientLifecycleReadsItsOwnWrites() {
        Api api = anonymous.fromNewAddress();
        Account owner = signUp(api, "Lifecycle Agency");
        String token = owner.accessToken();

        ApiResponse created = api.post("/api/clients", Map.of("name", "Acme Bakery", "website", "https://acme.test",
                "industry", "Food", "contactEmail", "hello@acme.test"), token);
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        String id = created.field("id");
        assertThat(created.header("Location")).endsWith("/api/clients/" + id);
        long position = created.json().path("position").asLong();
        assertThat(position).isPositive();

        ApiResponse list = api.get("/api/clients?status=active", token, "X-Min-Position", String.valueOf(position));
        assertThat(list.status()).as(list.toString()).isEqualTo(200);
        assertThat(list.json().path("items").findValuesAsText("name")).containsExactly("Acme Bakery");
        assertThat(list.json().path("total").asLong()).isEqualTo(1);

        ApiResponse renamed = api.patch("/api/clients/" + id, Map.of("name", "Acme Bakery & Café"), token);
        assertThat(renamed.status()).as(renamed.toString()).isEqualTo(200);
        ApiResponse detail = api.get("/api/clients/" + id, token, "X-Min-Position", renamed.field("position"));
        assertThat(detail.field("name")).isEqualTo("Acme Bakery & Café");
        assertThat(detail.field("website")).isEqualTo("https://acme.test");

        ApiResponse archived = api.post("/api/clients/" + id + "/archive", null, token);
        assertThat(archived.status()).as(archived.toString()).isEqualTo(200);
        String after = archived.field("position");
        assertThat(api.get("/api/clients?status=active", token, "X-Min-Position", after).json().path("total").asLong()).isZero();
        assertThat(api.get("/api/clients?status=archived&q=caf", token, "X-Min-Position", after)
                .json().path("items").findValuesAsText("id")).containsExactly(id);
        ApiResponse renameArchived = api.patch("/api/clients/" + id, Map.of("name", "Nope"), token);
        assertThat(renameArchived.status()).isEqualTo(409);

        ApiResponse restored = api.post("/api/clients/" + id + "/restore", null, token);
        assertThat(restored.status()).as(restored.toString()).isEqualTo(200);
        assertThat(api.get("/api/clients/" + id, token, "X-Min-Position", restored.field("position")).field("status"))
                .isEqualTo("active");
    }

    @Test
    void anotherAgencySeesNothingAndChangesNothing() throws Exception {
        Api api = anonymous.fromNewAddress();
        Account mine = signUp(api, "Mine");
        Account theirs = signUp(anonymous.fromNewAddress(), "Theirs");
        String id = createClient(api, mine, "Private Client");
        long before = eventCount();

        assertThat(api.get("/api/clients/" + id, theirs.accessToken()).status()).isEqualTo(404);
        assertThat(api.get("/api/clients?q=Private", theirs.accessToken()).json().path("total").asLong()).isZero();
        assertThat(api.patch("/api/clients/" + id, Map.of("name", "Hijacked"), theirs.accessToken()).status()).isEqualTo(404);
        assertThat(api.post("/api/clients/" + id + "/archive", null, theirs.accessToken()).status()).isEqualTo(404);
        assertThat(api.delete("/api/team/" + mine.userId(), theirs.accessToken()).status()).isEqualTo(404);
        assertThat(api.get("/api/team", theirs.accessToken()).json().path("items").findValuesAsText("userId"))
                .doesNotContain(mine.userId());
        assertThat(eventCount()).isEqualTo(before);
        assertThat(api.get("/api/clients/" + id, mine.accessToken()).field("name")).isEqualTo("Private Client");
    }

    /**
     * Check 1 over every endpoint that takes an id (every {@code {…Id}} mapping of both services, and the list
     * endpoints that filter by one): another agency's owner, the strongest role there is, gets 403 or 404 and sees
     * none of the ids, and nothing of the first agency changes.
     */
    @Test
    void aNewAgencyTrialsTheDefaultPlanWhoseLimitsCountItsOwnClientsAndMembers() {
        Api api = anonymous.fromNewAddress();
        Account owner = signUp(api, "Trial Agency");
        Account other = signUp(anonymous.fromNewAddress(), "Other Trial Agency");

        ApiResponse plans = api.get("/api/subscriptions/plans", owner.accessToken());
        assertThat(plans.status()).as(plans.toString()).isEqualTo(200);
        assertThat(plans.json().findValuesAsText("key")).containsExactly("starter", "growth", "agency");
        JsonNode starter = plans.json().get(0);
        assertThat(starter.path("trialPlan").asBoolean()).isTrue();
        assertThat(starter.path("monthlyPriceCents").asLong()).isEqualTo(2900);
        assertThat(starter.path("currency").asText()).isEqualTo("EUR");
        assertThat(starter.path("seatLimit").asInt()).isGreaterThanOrEqualTo(5);

        ApiResponse created = api.post("/api/clients", Map.of("name", "Counted Client"), owner.accessToken());
        assertThat(created.status()).as(created.toString()).isEqualTo(201);
        ApiResponse current = api.get("/api/subscriptions/current", owner.accessToken(), "X-Min-Position",
                created.field("position"));
        assertThat(current.status()).as(current.toString()).isEqualTo(200);
        JsonNode subscription = current.json();
        assertThat(subscription.path("plan").asText()).isEqualTo("starter");
        assertThat(subscription.path("status").asText()).isEqualTo("trialing");
        assertThat(subscription.path("clientsUsed").asInt()).isEqualTo(1);
        assertThat(subscription.path("seatsUsed").asInt()).isEqualTo(1);
        assertThat(subscription.path("clientLimit").asInt()).isEqualTo(starter.path("clientLimit").asInt());
        assertThat(subscription.path("seatLimit").asInt()).isEqualTo(starter.path("seatLimit").asInt());
        assertThat(java.time.Duration.between(Instant.parse(subscription.path("currentPeriodStart").asText()),
                Instant.parse(subscription.path("trialEndsAt").asText()))).isEqualTo(java.time.Duration.ofDays(14));

        ApiResponse theirs = api.get("/api/subscriptions/current", other.accessToken(), "X-Min-Position",
                created.field("position"));
        assertThat(theirs.json().path("clientsUsed").asInt()).as("another agency counts its own").isZero();

        ApiResponse changed = api.post("/api/subscriptions/change-plan", Map.of("plan", "growth"), owner.accessToken());
        assertThat(changed.status()).as(changed.toString()).isEqualTo(200);
        JsonNode growth = api.get("/api/subscriptions/current", owner.accessToken(), "X-Min-Position",
                changed.field("position")).json();
        assertThat(growth.path("plan").asText()).isEqualTo("growth");
        assertThat(growth.path("status").asText()).as("still the trial").isEqualTo("trialing");
        assertThat(growth.path("clientLimit").asInt()).isEqualTo(plans.json().get(1).path("clientLimit").asInt());
        assertThat(growth.path("seatLimit").asInt()).isEqualTo(plans.json().get(1).path("seatLimit").asInt());
    }

    @Test
    void billingDetailsAreNormalizedAndBadOnesNamedAndNotWritten() throws Exception {
        Api api = anonymous.fromNewAddress();
        Account owner = signUp(api, "Billed Agency");
        JsonNode empty = api.get("/api/subscriptions/billing-details", owner.accessToken(), "X-Min-Position",
                String.valueOf(owner.position())).json();
        assertThat(empty.path("legalName").isNull()).isTrue();
        assertThat(empty.path("addressLines")).isEmpty();

        long events = eventCount();
        ApiResponse bad = api.send("PUT", "/api/subscriptions/billing-details", Map.of("legalName", "Billed GmbH",
                "addressLines", List.of("Hauptstraße 1"), "postalCode", "10115", "city", "Berlin", "country", "XX",
                "vatId", "123", "billingEmail", "billing@billed.test"), owner.accessToken());
        assertThat(bad.status()).as(bad.toString()).isEqualTo(400);
        assertThat(bad.json().path("errors").findValuesAsText("field")).containsExactlyInAnyOrder("country", "vatId");
        assertThat(api.send("PUT", "/api/subscriptions/billing-details", Map.of("legalName", "", "addressLines", List.of(),
                "country", "DE"), owner.accessToken()).status()).isEqualTo(400);
        assertThat(eventCount()).isEqualTo(events);

        ApiResponse saved = api.send("PUT", "/api/subscriptions/billing-details", Map.of("legalName", " Billed GmbH ",
                "addressLines", List.of("Hauptstraße 1", "2. Etage"), "postalCode", "10115", "city", "Berlin",
                "country", "de", "vatId", "de 123.456.789", "billingEmail", "billing@billed.test"), owner.accessToken());
        assertThat(saved.status()).as(saved.toString()).isEqualTo(200);
        JsonNode details = api.get("/api/subscriptions/billing-details", owner.accessToken(), "X-Min-Position",
                saved.field("position")).json();
        assertThat(details.path("legalName").asText()).isEqualTo("Billed GmbH");
        assertThat(details.path("addressLines").get(1).asText()).isEqualTo("2. Etage");
        assertThat(details.path("country").asText()).isEqualTo("DE");
        assertThat(details.path("vatId").asText()).isEqualTo("DE123456789");
    }

    @Test
    void everyIdTakingEndpointRefusesAnotherAgency() throws Exception {
        Api api = anonymous.fromNewAddress();
        Account mine = signUp(api, "Swept Agency");
        Account theirs = signUp(anonymous.fromNewAddress(), "Sweeping Agency");
        String client = createClient(api, mine, "Swept Client");
        ApiResponse connected = api.post("/api/clients/" + client + "/integrations", Map.of("provider", "csv"),
                mine.accessToken());
        assertThat(connected.status()).as(connected.toString()).isEqualTo(201);
        String integration = connected.field("id");
        ApiResponse report = api.post("/api/reports", Map.of("clientId", client, "title", "Swept report",
                "metrics", List.of("sessions")), mine.accessToken());
        assertThat(report.status()).as(report.toString()).isEqualTo(201);
        String reportId = report.field("id");
        String delivery = UUID.randomUUID().toString();
        String at = report.json().path("position").asText();
        List<String> ids = List.of(client, integration, reportId, mine.userId(), mine.agencyId());
        long before = eventsOf(ids);

        record Route(String method, String path, Object body) {
        }
        List<Route> routes = List.of(
                new Route("GET", "/api/clients/" + client, null),
                new Route("PATCH", "/api/clients/" + client, Map.of("name", "Hijacked")),
                new Route("POST", "/api/clients/" + client + "/archive", null),
                new Route("POST", "/api/clients/" + client + "/restore", null),
                new Route("GET", "/api/clients/" + client + "/dashboard", null),
                new Route("GET", "/api/clients/" + client + "/integrations", null),
                new Route("POST", "/api/clients/" + client + "/integrations", Map.of("provider", "csv")),
                new Route("POST", "/api/integrations/" + integration + "/reconnect", null),
                new Route("POST", "/api/integrations/" + integration + "/sync", null),
                new Route("DELETE", "/api/integrations/" + integration, null),
                new Route("IMPORT", "/api/integrations/" + integration + "/import", "date,metric,value\n2024-01-01,sessions,1\n"),
                new Route("GET", "/api/reports/" + reportId, null),
                new Route("PATCH", "/api/reports/" + reportId, Map.of("title", "Hijacked")),
                new Route("DELETE", "/api/reports/" + reportId, null),
                new Route("GET", "/api/reports/" + reportId + "/export?format=csv", null),
                new Route("GET", "/api/reports/" + reportId + "/export?format=pdf", null),
                new Route("POST", "/api/reports/" + reportId + "/deliveries", Map.of("recipients", List.of("x@evil.test"))),
                new Route("GET", "/api/reports/" + reportId + "/deliveries", null),
                new Route("GET", "/api/reports/" + reportId + "/deliveries/" + delivery, null),
                new Route("GET", "/api/reports/" + reportId + "/deliveries/" + delivery + "/file", null),
                new Route("PATCH", "/api/team/" + mine.userId(), Map.of("role", "VIEWER")),
                new Route("DELETE", "/api/team/" + mine.userId(), null));
        for (Route route : routes) {
            ApiResponse r = switch (route.method()) {
                case "IMPORT" -> api.uploadFile(route.path(), "m.csv", "text/csv", (String) route.body(), theirs.accessToken());
                case "GET" -> api.get(route.path(), theirs.accessToken(), "X-Min-Position", at);
                default -> api.send(route.method(), route.path(), route.body(), theirs.accessToken());
            };
            assertThat(r.status()).as("%s %s → %s", route.method(), route.path(), r).isIn(403, 404);
            assertThat(r.text()).as("%s %s", route.method(), route.path()).doesNotContain("Swept");
        }
        for (String list : List.of("/api/clients?size=100", "/api/reports?clientId=" + client, "/api/reports",
                "/api/dashboard?clientId=" + client, "/api/integrations/metrics?clientId=" + client, "/api/team",
                "/api/reports/deliveries?reportId=" + reportId)) {
            ApiResponse r = api.get(list, theirs.accessToken(), "X-Min-Position", at);
            assertThat(r.status()).as("%s → %s", list, r).isIn(200, 400, 403, 404);
            for (String id : ids) assertThat(r.text()).as("%s shows nothing of the other agency", list).doesNotContain(id);
        }

        assertThat(eventsOf(ids)).as("nothing of the first agency changed").isEqualTo(before);
        assertThat(api.get("/api/clients/" + client, mine.accessToken()).field("name")).isEqualTo("Swept Client");
        assertThat(api.get("/api/reports/" + reportId, mine.accessToken()).status()).isEqualTo(200);
    }

    /** Checks 5 and 6: a body cannot set the tenant, an id or a version; answers carry their documented fields only. */
    @Test
    void requestsCannotAssignTenantOrIdsAndAnswersCarryOnlyTheirFields() throws Exception {
        Api api = anonymous.fromNewAddress();
        Account owner = signUp(api, "Allowlist Agency");
        Account other = signUp(anonymous.fromNewAddress(), "Elsewhere Agency");
        String forgedId = UUID.randomUUID().toString();
        ApiResponse created = api.post("/api/clients", Map.of("name", "Assigned Client", "agencyId", other.agencyId(),
                "id", forgedId, "version", 7, "status", "archived"), owner.accessToken());
        assertThat(created.status()).as(created.toString()).isIn(201, 400);
        if (created.status() == 201) {
            assertThat(created.field("id")).isNotEqualTo(forgedId);
            String position = created.json().path("position").asText();
            JsonNode mine = api.get("/api/clients/" + created.field("id"), owner.accessToken(), "X-Min-Position", position).json();
            assertThat(mine.path("status").asText()).isEqualTo("active");
            assertThat(api.get("/api/clients/" + created.field("id"), other.accessToken(), "X-Min-Position", position).status())
                    .as("the client stays in the caller's agency").isEqualTo(404);
            assertThat(fieldNames(api.get("/api/clients?size=5", owner.accessToken(), "X-Min-Position", position)
                    .json().path("items").get(0))).isSubsetOf("id", "name", "website", "industry", "contactEmail",
                    "notes", "status", "createdAt", "updatedAt", "integrationCount");
        }
        ApiResponse me = api.get("/api/auth/me", owner.accessToken(), "X-Min-Position", String.valueOf(owner.position()));
        assertThat(fieldNames(me.json())).isSubsetOf("userId", "agencyId", "agencyName", "timeZone", "email", "name", "roles");
        ApiResponse team = api.get("/api/team", owner.accessToken(), "X-Min-Position", String.valueOf(owner.position()));
        for (ApiResponse answer : List.of(me, team, created)) {
            assertThat(answer.text().toLowerCase()).as("no secret in %s", answer)
                    .doesNotContain("password", "hash", "argon2", "refresh");
        }
    }

    private static List<String> fieldNames(JsonNode node) {
        List<String> names = new ArrayList<>();
        node.fieldNames().forEachRemaining(names::add);
        return names;
    }

    /** Check 11: a refresh token is no access token anywhere. */
    @Test
    void aRefreshTokenIsNoAccessToken() {
        Account owner = signUp(anonymous.fromNewAddress(), "Two Tokens Agency");
        for (String base : List.of(stack.baseUrl(), stack.queryUrl(), stack.commandUrl())) {
            assertThat(new Api(URI.create(base)).get("/api/clients", owner.refreshToken()).status()).as(base).isEqualTo(401);
        }
    }

    /** Check 23: search and paging parameters are data, never SQL. */
    @Test
    void injectedSqlInQueryParametersIsOnlyText() {
        Api api = anonymous.fromNewAddress();
        Account owner = signUp(api, "Quoted Agency");
        Account other = signUp(anonymous.fromNewAddress(), "Neighbour Agency");
        String visible = createClient(api, owner, "Plain Client");
        createClient(anonymous.fromNewAddress(), other, "Neighbour's Client");
        for (String q : List.of("' OR '1'='1", "%' OR 1=1 --", "x'; DROP TABLE query.clients_view; --", "\\' UNION SELECT * FROM command.credentials --")) {
            ApiResponse found = api.get("/api/clients?q=" + java.net.URLEncoder.encode(q, java.nio.charset.StandardCharsets.UTF_8),
                    owner.accessToken());
            assertThat(found.status()).as(q).isEqualTo(200);
            assertThat(found.json().path("total").asLong()).as(q).isZero();
        }
        for (String page : List.of("0;DROP TABLE x", "1 OR 1=1", "-1")) {
            assertThat(api.get("/api/clients?page=" + java.net.URLEncoder.encode(page, java.nio.charset.StandardCharsets.UTF_8),
                    owner.accessToken()).status()).as(page).isEqualTo(400);
        }
        ApiResponse all = Eventually.await("the plain client listed", java.time.Duration.ofSeconds(10),
                () -> api.get("/api/clients?q=Plain", owner.accessToken()), r -> r.json().path("total").asLong() == 1);
        assertThat(all.json().path("items").findValuesAsText("id")).containsExactly(visible);
    }

    @Test
    void badInputGetsAProblemAndWritesNothing() throws Exception {
        Api api = anonymous.fromNewAddress();
        Account owner = signUp(api, "Careful Agency");
        String id = createClient(api, owner, "Steady Client");
        String token = owner.accessToken();
        long before = eventCount();

        record Bad(String method, String path, String body, int status) {
        }
        for (Bad bad : List.of(
                new Bad("POST", "/api/clients", "", 400),
                new Bad("POST", "/api/clients", "{\"name\":", 400),
                new Bad("POST", "/api/clients", "{\"name\":\"\"}", 400),
                new Bad("POST", "/api/clients", "{\"name\":{\"first\":\"x\"}}", 400),
                new Bad("POST", "/api/clients", "{\"name\":17}", 400),
                new Bad("POST", "/api/clients", "{\"name\":\"x\",\"contactEmail\":\"not-an-email\"}", 400),
                new Bad("PATCH", "/api/clients/" + id, "{\"name\":null}", 400),
                new Bad("PATCH", "/api/clients/" + id, "{\"color\":\"red\"}", 400),
                new Bad("PATCH", "/api/clients/not-a-uuid", "{\"name\":\"x\"}", 400),
                new Bad("POST", "/api/clients/" + UUID.randomUUID() + "/archive", "", 404),
                new Bad("POST", "/api/team/invitations", "{\"email\":\"x@y.test\",\"role\":\"EMPEROR\"}", 400),
                new Bad("POST", "/api/clients", "{\"name\":\"" + "x".repeat(2_000_000) + "\"}", 413))) {
            ApiResponse r = api.sendBytes(bad.method(), bad.path(), bad.body().getBytes(), "application/json", token);
            assertThat(r.status()).as(bad.method() + " " + bad.path() + " " + r).isEqualTo(bad.status());
            assertThat(r.isProblem()).as(r.toString()).isTrue();
            assertThat(r.json().path("title").asText()).isNotBlank();
            assertThat(r.text()).doesNotContain("Exception", "\tat ");
        }
        ApiResponse fieldErrors = api.post("/api/clients", "{\"name\":\"\",\"contactEmail\":\"nope\"}", token);
        assertThat(fieldErrors.json().path("errors").findValuesAsText("field")).contains("name", "contactEmail");
        ApiResponse shortPassword = anonymous.fromNewAddress().post("/api/auth/signup", Map.of("agencyName", "A", "name", "B",
                "email", "short-" + UUID.randomUUID() + "@x.test", "password", "short"), null);
        assertThat(shortPassword.status()).isEqualTo(400);
        assertThat(shortPassword.json().path("errors").findValuesAsText("field")).containsExactly("password");

        assertThat(eventCount()).isEqualTo(before);
    }

    @Test
    void aStrangersBadLoginsAreRateLimitedAndNeverKeepTheOwnerOut() {
        Account owner = signUp(anonymous.fromNewAddress(), "Targeted Agency");
        Api attacker = anonymous.fromNewAddress();
        for (int i = 0; i < 5; i++) {
            ApiResponse r = attacker.post("/api/auth/login", Map.of("email", owner.email(), "password", "wrong guess " + i), null);
            assertThat(r.status()).as(r.toString()).isEqualTo(401);
            assertThat(r.field("title")).isEqualTo("Invalid credentials");
        }
        ApiResponse limited = attacker.post("/api/auth/login", Map.of("email", owner.email(), "password", "one more"), null);
        assertThat(limited.status()).as(limited.toString()).isEqualTo(429);
        assertThat(Integer.parseInt(limited.header("Retry-After"))).isPositive();
        assertThat(limited.problemSlug()).isEqualTo("rate-limited");

        ApiResponse unknown = anonymous.fromNewAddress().post("/api/auth/login", Map.of("email", "nobody-" + UUID.randomUUID() + "@x.test",
                "password", PASSWORD), null);
        assertThat(unknown.status()).isEqualTo(401);
        assertThat(unknown.field("detail")).as("one generic message for every bad credential")
                .isEqualTo("The e-mail or password is wrong, or the account is deactivated.");

        for (int address = 0; address < 3; address++) {
            Api another = anonymous.fromNewAddress();
            for (int i = 0; i < 5; i++) {
                assertThat(another.post("/api/auth/login", Map.of("email", owner.email(), "password", "guess " + i), null)
                        .status()).isEqualTo(401);
            }
        }
        ApiResponse ownersLogin = anonymous.fromNewAddress().post("/api/auth/login", Map.of("email", owner.email(), "password", PASSWORD), null);
        assertThat(ownersLogin.status()).as("the owner signs in from their own address after a stranger's 20 failures")
                .isEqualTo(200);
    }

    @Test
    void reusingASpentRefreshTokenRevokesTheWholeFamily() {
        Api api = anonymous.fromNewAddress();
        Account owner = signUp(api, "Rotating Agency");
        ApiResponse first = api.post("/api/auth/refresh", Map.of("refreshToken", owner.refreshToken()), null);
        assertThat(first.status()).as(first.toString()).isEqualTo(200);
        String newest = first.field("refreshToken");
        assertThat(newest).isNotEqualTo(owner.refreshToken());
        assertThat(api.get("/api/auth/me", first.field("accessToken"), "X-Min-Position", String.valueOf(owner.position())).status())
                .isEqualTo(200);

        ApiResponse reuse = anonymous.fromNewAddress().post("/api/auth/refresh", Map.of("refreshToken", owner.refreshToken()), null);
        assertThat(reuse.status()).as(reuse.toString()).isEqualTo(401);
        ApiResponse afterRevocation = anonymous.fromNewAddress().post("/api/auth/refresh", Map.of("refreshToken", newest), null);
        assertThat(afterRevocation.status()).as("the newest token of a revoked family").isEqualTo(401);

        Api other = anonymous.fromNewAddress();
        ApiResponse login = other.post("/api/auth/login", Map.of("email", owner.email(), "password", PASSWORD), null);
        ApiResponse logout = other.post("/api/auth/logout", Map.of("refreshToken", login.field("refreshToken")),
                login.field("accessToken"));
        assertThat(logout.status()).isEqualTo(204);
        assertThat(anonymous.fromNewAddress().post("/api/auth/refresh", Map.of("refreshToken", login.field("refreshToken")), null).status())
                .isEqualTo(401);
    }

    @Test
    void forgedUnsignedExpiredAndTamperedTokensAreRefusedEverywhere() throws Exception {
        Api api = anonymous.fromNewAddress();
        Account owner = signUp(api, "Guarded Agency");
        String valid = owner.accessToken();
        assertThat(api.get("/api/clients", valid).status()).isEqualTo(200);

        JWTClaimsSet.Builder claims = new JWTClaimsSet.Builder(SignedJWT.parse(valid).getJWTClaimsSet());
        String foreign = sign(claims.build(), new RSAKeyGenerator(2048).keyID(SignedJWT.parse(valid).getHeader().getKeyID()).generate());
        String[] parts = valid.split("\\.");
        String unsigned = Base64.getUrlEncoder().withoutPadding().encodeToString("{\"alg\":\"none\"}".getBytes())
                + "." + parts[1] + ".";
        String signature = parts[2];
        int middle = signature.length() / 2;
        String tamperedSignature = parts[0] + "." + parts[1] + "." + signature.substring(0, middle)
                + (signature.charAt(middle) == 'A' ? 'B' : 'A') + signature.substring(middle + 1);
        String otherAgencyPayload = Base64.getUrlEncoder().withoutPadding().encodeToString(
                claims.claim("agency_id", UUID.randomUUID().toString()).build().toString().getBytes());
        String tamperedPayload = parts[0] + "." + otherAgencyPayload + "." + parts[2];
        JWTClaimsSet expiredClaims = new JWTClaimsSet.Builder(SignedJWT.parse(valid).getJWTClaimsSet())
                .issueTime(Date.from(Instant.now().minusSeconds(3600))).expirationTime(Date.from(Instant.now().minusSeconds(1800)))
                .build();
        String expired = sign(expiredClaims, realSigningKey());

        for (String token : List.of(foreign, unsigned, tamperedSignature, tamperedPayload, expired, "garbage")) {
            for (String base : List.of(stack.baseUrl(), stack.queryUrl())) {
                ApiResponse r = new Api(URI.create(base)).get("/api/clients", token);
                assertThat(r.status()).as(base + " with " + token).isEqualTo(401);
            }
            ApiResponse write = new Api(URI.create(stack.commandUrl())).post("/api/clients", Map.of("name", "Forged"), token);
            assertThat(write.status()).as("command-side with " + token).isEqualTo(401);
        }
    }

    @Test
    void ownersInviteTeammatesWhoseRolesDecideWhatTheyMayDo() {
        Api api = anonymous.fromNewAddress();
        Account owner = signUp(api, "Team Agency");
        String inviteeEmail = "ana-" + UUID.randomUUID() + "@agency.test";
        ApiResponse invitation = api.post("/api/team/invitations", Map.of("email", inviteeEmail, "role", "ANALYST"),
                owner.accessToken());
        assertThat(invitation.status()).as(invitation.toString()).isEqualTo(201);

        Api invitee = anonymous.fromNewAddress();
        ApiResponse accepted = invitee.post("/api/auth/accept-invitation", Map.of("inviteToken", invitation.field("inviteToken"),
                "name", "Ana Analyst", "password", PASSWORD), null);
        assertThat(accepted.status()).as(accepted.toString()).isEqualTo(201);
        assertThat(accepted.field("agencyId")).isEqualTo(owner.agencyId());
        ApiResponse reused = anonymous.fromNewAddress().post("/api/auth/accept-invitation", Map.of("inviteToken",
                invitation.field("inviteToken"), "name", "Eve", "password", PASSWORD), null);
        assertThat(reused.status()).isEqualTo(409);

        String analystToken = accepted.field("accessToken");
        assertThat(invitee.post("/api/clients", Map.of("name", "Analyst's client"), analystToken).status()).isEqualTo(201);
        assertThat(invitee.post("/api/team/invitations", Map.of("email", "x-" + UUID.randomUUID() + "@a.test", "role", "VIEWER"),
                analystToken).status()).isEqualTo(403);

        String analystId = accepted.field("userId");
        ApiResponse demoted = api.patch("/api/team/" + analystId, Map.of("role", "VIEWER"), owner.accessToken());
        assertThat(demoted.status()).as(demoted.toString()).isEqualTo(200);
        ApiResponse viewerLogin = invitee.post("/api/auth/login", Map.of("email", inviteeEmail, "password", PASSWORD), null);
        String viewerToken = viewerLogin.field("accessToken");
        assertThat(invitee.post("/api/clients", Map.of("name", "Viewer's client"), viewerToken).status()).isEqualTo(403);
        assertThat(invitee.get("/api/clients", viewerToken).status()).isEqualTo(200);

        JsonNode team = api.get("/api/team", owner.accessToken(), "X-Min-Position", demoted.field("position")).json();
        assertThat(team.path("items").findValuesAsText("role")).containsExactlyInAnyOrder("OWNER", "VIEWER");

        ApiResponse deactivated = api.delete("/api/team/" + analystId, owner.accessToken());
        assertThat(deactivated.status()).as(deactivated.toString()).isEqualTo(200);
        assertThat(anonymous.fromNewAddress().post("/api/auth/login", Map.of("email", inviteeEmail, "password", PASSWORD), null).status())
                .isEqualTo(401);
        assertThat(anonymous.fromNewAddress().post("/api/auth/refresh", Map.of("refreshToken", viewerLogin.field("refreshToken")), null)
                .status()).isEqualTo(401);
        assertThat(api.delete("/api/team/" + owner.userId(), owner.accessToken()).status()).isEqualTo(403);
    }

    private static String sign(JWTClaimsSet claims, RSAKey key) throws Exception {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), claims);
        jwt.sign(new RSASSASigner(key));
        return jwt.serialize();
    }

    /**
     * The stack's own signing key, to mint a token whose only fault is its age. The database holds it sealed: the row
     * alone is no key; opening it takes the master key from the stack's data directory, as only the command side has.
     */
    private RSAKey realSigningKey() throws Exception {
        try (Connection c = stack.postgres().connect(stack.databaseName()); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT kid, private_key, public_key, sealed FROM command.signing_keys")) {
            rs.next();
            String kid = rs.getString(1);
            byte[] stored = rs.getBytes(2);
            assertThat(rs.getBoolean(4)).as("the private key is stored sealed").isTrue();
            KeyFactory rsa = KeyFactory.getInstance("RSA");
            assertThat(org.assertj.core.api.Assertions.catchThrowable(() -> rsa.generatePrivate(new PKCS8EncodedKeySpec(stored))))
                    .as("the stored bytes are no private key").isNotNull();
            com.google.crypto.tink.aead.AeadConfig.register();
            com.google.crypto.tink.Aead aead = com.google.crypto.tink.TinkJsonProtoKeysetFormat.parseKeyset(
                    java.nio.file.Files.readString(RepoLayout.systemTestsDir().resolve("target/wpm-data/master-key.json")),
                    com.google.crypto.tink.InsecureSecretKeyAccess.get())
                    .getPrimitive(com.google.crypto.tink.RegistryConfiguration.get(), com.google.crypto.tink.Aead.class);
            byte[] privateDer = aead.decrypt(stored, ("signing-key:" + kid).getBytes(java.nio.charset.StandardCharsets.UTF_8));
            return new RSAKey.Builder((RSAPublicKey) rsa.generatePublic(new X509EncodedKeySpec(rs.getBytes(3))))
                    .privateKey((RSAPrivateKey) rsa.generatePrivate(new PKCS8EncodedKeySpec(privateDer)))
                    .keyID(kid).build();
        }
    }
}
