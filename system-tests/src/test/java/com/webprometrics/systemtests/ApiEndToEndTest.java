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
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The API as an outside client meets it: through the gateway, over HTTP, against the three running
 * services and PostgreSQL. Each test uses its own agency and its own client address (a documentation
 * address in X-Forwarded-For), so rate limits of one test never leak into another.
 */
@ExtendWith(StackExtension.class)
class ApiEndToEndTest {
    private static final String PASSWORD = "correct horse battery staple";
    private static final AtomicInteger NEXT_ADDRESS = new AtomicInteger(10);

    private final Stack stack;
    private final Api anonymous;

    ApiEndToEndTest(Stack stack) {
        this.stack = stack;
        this.anonymous = stack.api();
    }

    private Api fromNewAddress() {
        return anonymous.forwardedFor("203.0.113." + NEXT_ADDRESS.getAndIncrement());
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
        try (Connection c = stack.postgres().connect(stack.databaseName()); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT count(*) FROM event_store.domain_event_entry")) {
            rs.next();
            return rs.getLong(1);
        }
    }

    @Test
    void signUpThenLogInGivesATokenThatVerifiesAgainstThePublishedKeys() throws Exception {
        Api api = fromNewAddress();
        Account owner = signUp(api, "Verified Agency");
        ApiResponse again = fromNewAddress().post("/api/auth/signup", Map.of("agencyName", "Copy", "name", "X",
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
        ApiResponse offset = fromNewAddress().post("/api/auth/signup", Map.of("agencyName", "Offset", "name", "O",
                "email", "tz-" + UUID.randomUUID() + "@agency.test", "password", PASSWORD, "timeZone", "+02:00"), null);
        assertThat(offset.status()).as(offset.toString()).isEqualTo(400);
        assertThat(offset.json().path("errors").get(0).path("field").asText()).isEqualTo("timeZone");
        ApiResponse unknown = fromNewAddress().post("/api/auth/signup", Map.of("agencyName", "Mars", "name", "M",
                "email", "tz-" + UUID.randomUUID() + "@agency.test", "password", PASSWORD, "timeZone", "Mars/Olympus"), null);
        assertThat(unknown.status()).as(unknown.toString()).isEqualTo(400);
        assertThat(eventCount()).isEqualTo(events);

        String email = "tz-" + UUID.randomUUID() + "@agency.test";
        ApiResponse berlin = fromNewAddress().post("/api/auth/signup", Map.of("agencyName", "Berlin Agency", "name", "B",
                "email", email, "password", PASSWORD, "timeZone", "Europe/Berlin"), null);
        assertThat(berlin.status()).as(berlin.toString()).isEqualTo(201);
        Account account = Account.of(email, berlin);
        ApiResponse me = anonymous.get("/api/auth/me", account.accessToken(), "X-Min-Position",
                String.valueOf(account.position()));
        assertThat(me.field("timeZone")).isEqualTo("Europe/Berlin");
    }

    @Test
    void clientLifecycleReadsItsOwnWrites() {
        Api api = fromNewAddress();
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
        Api api = fromNewAddress();
        Account mine = signUp(api, "Mine");
        Account theirs = signUp(fromNewAddress(), "Theirs");
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

    @Test
    void badInputGetsAProblemAndWritesNothing() throws Exception {
        Api api = fromNewAddress();
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
        ApiResponse shortPassword = fromNewAddress().post("/api/auth/signup", Map.of("agencyName", "A", "name", "B",
                "email", "short-" + UUID.randomUUID() + "@x.test", "password", "short"), null);
        assertThat(shortPassword.status()).isEqualTo(400);
        assertThat(shortPassword.json().path("errors").findValuesAsText("field")).containsExactly("password");

        assertThat(eventCount()).isEqualTo(before);
    }

    @Test
    void repeatedBadLoginsAreRateLimitedAndLockTheAccount() {
        Account owner = signUp(fromNewAddress(), "Targeted Agency");
        Api attacker = fromNewAddress();
        for (int i = 0; i < 5; i++) {
            ApiResponse r = attacker.post("/api/auth/login", Map.of("email", owner.email(), "password", "wrong guess " + i), null);
            assertThat(r.status()).as(r.toString()).isEqualTo(401);
            assertThat(r.field("title")).isEqualTo("Invalid credentials");
        }
        ApiResponse limited = attacker.post("/api/auth/login", Map.of("email", owner.email(), "password", "one more"), null);
        assertThat(limited.status()).as(limited.toString()).isEqualTo(429);
        assertThat(Integer.parseInt(limited.header("Retry-After"))).isPositive();
        assertThat(limited.problemSlug()).isEqualTo("rate-limited");

        ApiResponse unknown = fromNewAddress().post("/api/auth/login", Map.of("email", "nobody-" + UUID.randomUUID() + "@x.test",
                "password", PASSWORD), null);
        assertThat(unknown.status()).isEqualTo(401);
        assertThat(unknown.field("detail")).as("one generic message for every bad credential")
                .isEqualTo("The e-mail or password is wrong, or the account is locked.");

        ApiResponse locked = fromNewAddress().post("/api/auth/login", Map.of("email", owner.email(), "password", PASSWORD), null);
        assertThat(locked.status()).as("five bad passwords lock the account, even from another address").isEqualTo(401);
    }

    @Test
    void reusingASpentRefreshTokenRevokesTheWholeFamily() {
        Api api = fromNewAddress();
        Account owner = signUp(api, "Rotating Agency");
        ApiResponse first = api.post("/api/auth/refresh", Map.of("refreshToken", owner.refreshToken()), null);
        assertThat(first.status()).as(first.toString()).isEqualTo(200);
        String newest = first.field("refreshToken");
        assertThat(newest).isNotEqualTo(owner.refreshToken());
        assertThat(api.get("/api/auth/me", first.field("accessToken"), "X-Min-Position", String.valueOf(owner.position())).status())
                .isEqualTo(200);

        ApiResponse reuse = fromNewAddress().post("/api/auth/refresh", Map.of("refreshToken", owner.refreshToken()), null);
        assertThat(reuse.status()).as(reuse.toString()).isEqualTo(401);
        ApiResponse afterRevocation = fromNewAddress().post("/api/auth/refresh", Map.of("refreshToken", newest), null);
        assertThat(afterRevocation.status()).as("the newest token of a revoked family").isEqualTo(401);

        Api other = fromNewAddress();
        ApiResponse login = other.post("/api/auth/login", Map.of("email", owner.email(), "password", PASSWORD), null);
        ApiResponse logout = other.post("/api/auth/logout", Map.of("refreshToken", login.field("refreshToken")),
                login.field("accessToken"));
        assertThat(logout.status()).isEqualTo(204);
        assertThat(fromNewAddress().post("/api/auth/refresh", Map.of("refreshToken", login.field("refreshToken")), null).status())
                .isEqualTo(401);
    }

    @Test
    void forgedUnsignedExpiredAndTamperedTokensAreRefusedEverywhere() throws Exception {
        Api api = fromNewAddress();
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
        Api api = fromNewAddress();
        Account owner = signUp(api, "Team Agency");
        String inviteeEmail = "ana-" + UUID.randomUUID() + "@agency.test";
        ApiResponse invitation = api.post("/api/team/invitations", Map.of("email", inviteeEmail, "role", "ANALYST"),
                owner.accessToken());
        assertThat(invitation.status()).as(invitation.toString()).isEqualTo(201);

        Api invitee = fromNewAddress();
        ApiResponse accepted = invitee.post("/api/auth/accept-invitation", Map.of("inviteToken", invitation.field("inviteToken"),
                "name", "Ana Analyst", "password", PASSWORD), null);
        assertThat(accepted.status()).as(accepted.toString()).isEqualTo(201);
        assertThat(accepted.field("agencyId")).isEqualTo(owner.agencyId());
        ApiResponse reused = fromNewAddress().post("/api/auth/accept-invitation", Map.of("inviteToken",
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
        assertThat(fromNewAddress().post("/api/auth/login", Map.of("email", inviteeEmail, "password", PASSWORD), null).status())
                .isEqualTo(401);
        assertThat(fromNewAddress().post("/api/auth/refresh", Map.of("refreshToken", viewerLogin.field("refreshToken")), null)
                .status()).isEqualTo(401);
        assertThat(api.delete("/api/team/" + owner.userId(), owner.accessToken()).status()).isEqualTo(403);
    }

    private static String sign(JWTClaimsSet claims, RSAKey key) throws Exception {
        SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(), claims);
        jwt.sign(new RSASSASigner(key));
        return jwt.serialize();
    }

    /** The stack's own signing key, read from its database, to mint a token whose only fault is its age. */
    private RSAKey realSigningKey() throws Exception {
        try (Connection c = stack.postgres().connect(stack.databaseName()); Statement s = c.createStatement();
             ResultSet rs = s.executeQuery("SELECT kid, private_key, public_key FROM command.signing_keys")) {
            rs.next();
            KeyFactory rsa = KeyFactory.getInstance("RSA");
            return new RSAKey.Builder((RSAPublicKey) rsa.generatePublic(new X509EncodedKeySpec(rs.getBytes(3))))
                    .privateKey((RSAPrivateKey) rsa.generatePrivate(new PKCS8EncodedKeySpec(rs.getBytes(2))))
                    .keyID(rs.getString(1)).build();
        }
    }
}
