package com.webprometrics.systemtests;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A subscription's whole life on the packaged stack, with the provider's stand-in and test clocks moving the agency's
 * billing clock: trial → card → paid → upgraded (prorated) → card fails → past due → retries → suspended (writes
 * answer 402) → card replaced → paid → active; and an agency that never pays → canceled → resumed.
 */
@ExtendWith(StackExtension.class)
class BillingLifeCycleTest {
    private static final String PASSWORD = "correct horse battery staple";
    private static final HttpClient BROWSER = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    private final Stack stack;
    private final Api api;

    BillingLifeCycleTest(Stack stack) {
        this.stack = stack;
        this.api = stack.api().fromNewAddress();
    }

    private record Owner(String agencyId, String token) {
    }

    @Test
    void trialCardRenewalFailureDunningSuspensionAndRecovery() throws Exception {
        String ops = opsToken();
        Owner owner = signUp("Life Cycle Agency");
        saveCard(owner, "4242424242424242", "4242");

        long at = advance(ops, owner, "P15D");
        JsonNode current = current(owner, at);
        assertThat(current.path("status").asText()).as("the trial ended with a card: paid").isEqualTo("active");
        JsonNode invoices = api.get("/api/subscriptions/invoices", owner.token(), "X-Min-Position", "" + at).json();
        assertThat(invoices.path("items")).hasSize(1);
        JsonNode first = invoices.path("items").get(0);
        assertThat(first.path("status").asText()).isEqualTo("paid");
        assertThat(first.path("number").asText()).matches("WPM-\\d{6}");
        assertThat(first.path("totalCents").asLong()).isEqualTo(2900 + 551); // 19 % VAT: taxed as the issuer's country

        ApiResponse pdf = api.get("/api/subscriptions/invoices/" + first.path("id").asText() + "?format=pdf",
                owner.token());
        assertThat(pdf.status()).isEqualTo(200);
        assertThat(pdf.contentType()).startsWith("application/pdf");
        assertThat(new String(pdf.bytes(), 0, 5)).isEqualTo("%PDF-");

        // a late, out-of-order failure report about the paid invoice changes nothing
        String late = Api.toJson(Map.of("id", "evt_late_" + UUID.randomUUID().toString().replace("-", ""),
                "object", "event", "type", "payment_intent.payment_failed", "created", java.time.Instant.now().getEpochSecond(),
                "data", Map.of("object", Map.of("id", "pi_late", "object", "payment_intent", "status", "requires_payment_method",
                        "metadata", Map.of("invoiceId", first.path("id").asText(),
                                "subscriptionId", current.path("subscriptionId").asText(""))))));
        HttpResponse<String> lateAnswer = BROWSER.send(HttpRequest.newBuilder(URI.create(stack.baseUrl()
                        + "/api/webhooks/payments/stripe")).header("Content-Type", "application/json")
                .header("Stripe-Signature", com.webprometrics.paymentstandin.StandIn.signatureHeader(
                        stack.paymentWebhookSecret(), java.time.Instant.now().getEpochSecond(), late))
                .POST(HttpRequest.BodyPublishers.ofString(late)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(lateAnswer.statusCode()).as(lateAnswer.body()).isEqualTo(200);
        long lateAt = Api.JSON.readTree(lateAnswer.body()).path("position").asLong();
        assertThat(current(owner, lateAt).path("status").asText()).isEqualTo("active");
        assertThat(api.get("/api/subscriptions/invoices/" + first.path("id").asText(), owner.token()).json()
                .path("status").asText()).isEqualTo("paid");

        // an upgrade in the paid period: a credit for the unused Starter time, a charge for Growth's, paid at once
        ApiResponse preview = api.post("/api/subscriptions/change-plan/preview", Map.of("plan", "growth"), owner.token());
        assertThat(preview.status()).as(preview.toString()).isEqualTo(200);
        assertThat(preview.json().path("effective").asText()).isEqualTo("now");
        assertThat(preview.json().path("lines").get(0).path("amountCents").asLong()).isNegative();
        long due = preview.json().path("totalCents").asLong();
        assertThat(due).isPositive();
        ApiResponse upgraded = api.post("/api/subscriptions/change-plan", Map.of("plan", "growth"), owner.token());
        assertThat(upgraded.status()).as(upgraded.toString()).isEqualTo(200);
        JsonNode upgrade = api.get("/api/subscriptions/invoices", owner.token(), "X-Min-Position",
                upgraded.field("position")).json().path("items").get(0);
        assertThat(upgrade.path("kind").asText()).isEqualTo("upgrade");
        assertThat(upgrade.path("status").asText()).isEqualTo("paid");
        assertThat(upgrade.path("totalCents").asLong()).as("what the preview said").isEqualTo(due);

        // the card now declines: the renewal goes past due, and writes still work while the retries run
        saveCard(owner, "4000000000000341", "0341");
        at = advance(ops, owner, "P31D");
        current = current(owner, at);
        assertThat(current.path("status").asText()).isEqualTo("past_due");
        assertThat(current.path("nextStep").asText()).isEqualTo("retry");
        String open = current.path("openInvoiceId").asText();
        assertThat(api.post("/api/clients", client("Still Writable"), owner.token()).status()).isEqualTo(201);
        ApiResponse invited = api.post("/api/team/invitations", Map.of("email", "late-" + UUID.randomUUID()
                + "@agency.test", "role", "VIEWER"), owner.token());
        assertThat(invited.status()).as(invited.toString()).isEqualTo(201);
        Map<String, Object> acceptance = Map.of("inviteToken", invited.field("inviteToken"), "name", "Lee Late",
                "password", PASSWORD);

        // every retry (1, 3, 5 and 7 days after the failure) fails, in order, once each: suspended
        at = advance(ops, owner, "P7D");
        current = current(owner, at);
        assertThat(current.path("status").asText()).isEqualTo("suspended");
        JsonNode invoice = api.get("/api/subscriptions/invoices/" + open, owner.token()).json();
        assertThat(invoice.path("attempts").asInt()).as("the renewal's charge and four retries").isEqualTo(5);

        ApiResponse refused = api.post("/api/clients", client("Not Now"), owner.token());
        assertThat(refused.status()).isEqualTo(402);
        assertThat(refused.json().path("type").asText()).endsWith("subscription-suspended");
        assertThat(refused.json().path("detail").asText()).startsWith("Subscription ").contains("is suspended");
        assertThat(api.get("/api/clients", owner.token()).status()).as("reads still work").isEqualTo(200);
        ApiResponse joining = stack.api().fromNewAddress().post("/api/auth/accept-invitation", acceptance, null);
        assertThat(joining.status()).as("a suspended agency gains no member").isEqualTo(402);

        // a working card, the open invoice paid: active again, writes back
        saveCard(owner, "4242424242424242", "4242");
        ApiResponse paid = api.post("/api/subscriptions/invoices/" + open + "/pay", Map.of(), owner.token());
        assertThat(paid.status()).as(paid.toString()).isEqualTo(200);
        assertThat(paid.json().path("paid").asBoolean()).isTrue();
        current = current(owner, paid.json().path("position").asLong());
        assertThat(current.path("status").asText()).isEqualTo("active");
        assertThat(api.post("/api/clients", client("Writable Again"), owner.token()).status()).isEqualTo(201);
        assertThat(stack.api().fromNewAddress().post("/api/auth/accept-invitation", acceptance, null).status())
                .as("the invitation works again once paid").isEqualTo(201);
        assertThat(chargesOf(owner)).as("no invoice was ever charged twice").doesNotHaveDuplicates();

        // a refund at the provider (part of the upgrade's charge) is documented by a credit note in the same series
        String intent = api.get("/api/subscriptions/invoices/" + upgrade.path("id").asText(), owner.token()).json()
                .path("paymentIntentId").asText();
        HttpResponse<String> refund = BROWSER.send(HttpRequest.newBuilder(URI.create(stack.paymentsUrl() + "/v1/refunds"))
                .header("Authorization", "Bearer " + stack.paymentKey())
                .header("Content-Type", "application/x-www-form-urlencoded").header("Idempotency-Key", "refund-" + intent)
                .POST(HttpRequest.BodyPublishers.ofString("payment_intent=" + intent + "&amount=1190")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(refund.statusCode()).as(refund.body()).isEqualTo(200);
        JsonNode credit = null;
        for (int i = 0; i < 100 && credit == null; i++) {
            JsonNode newest = api.get("/api/subscriptions/invoices", owner.token()).json().path("items").get(0);
            if ("credit-note".equals(newest.path("kind").asText())) credit = newest;
            else Thread.sleep(100);
        }
        assertThat(credit).as("the refund's webhook issued a credit note").isNotNull();
        assertThat(credit.path("totalCents").asLong()).isEqualTo(-1190);
        assertThat(credit.path("taxCents").asLong()).as("19 % of the gross refund, back").isEqualTo(-190);
        assertThat(credit.path("status").asText()).isEqualTo("paid");
        JsonNode corrected = api.get("/api/subscriptions/invoices/" + upgrade.path("id").asText(), owner.token()).json();
        assertThat(corrected.path("refundedCents").asLong()).isEqualTo(1190);
        assertThat(current(owner, 0).path("status").asText()).as("a refund changes no status").isEqualTo("active");
    }

    @Test
    void anAgencyThatNeverPaysIsCanceledAndCanStartAgain() throws Exception {
        String ops = opsToken();
        Owner owner = signUp("Never Pays Agency");
        assertThat(current(owner, advance(ops, owner, "P15D")).path("status").asText()).isEqualTo("past_due");
        assertThat(current(owner, advance(ops, owner, "P7D")).path("status").asText()).isEqualTo("suspended");
        JsonNode canceled = current(owner, advance(ops, owner, "P14D"));
        assertThat(canceled.path("status").asText()).as("after the 14 days' grace").isEqualTo("canceled");
        ApiResponse refused = api.post("/api/clients", client("Gone"), owner.token());
        assertThat(refused.status()).isEqualTo(402);
        assertThat(refused.json().path("type").asText()).endsWith("subscription-canceled");

        saveCard(owner, "4242424242424242", "4242");
        ApiResponse owed = api.post("/api/subscriptions/resume", Map.of(), owner.token());
        assertThat(owed.status()).as("the unpaid invoice first").isEqualTo(409);
        String open = canceled.path("openInvoiceId").asText();
        ApiResponse paid = api.post("/api/subscriptions/invoices/" + open + "/pay", Map.of(), owner.token());
        assertThat(paid.json().path("paid").asBoolean()).as(paid.toString()).isTrue();
        assertThat(current(owner, paid.json().path("position").asLong()).path("status").asText())
                .as("paying an old debt does not restart it").isEqualTo("canceled");
        ApiResponse resumed = api.post("/api/subscriptions/resume", Map.of(), owner.token());
        assertThat(resumed.status()).as(resumed.toString()).isEqualTo(200);
        assertThat(current(owner, Long.parseLong(resumed.field("position"))).path("status").asText())
                .isEqualTo("active");
        assertThat(api.post("/api/clients", client("Back"), owner.token()).status()).isEqualTo(201);
    }

    /**
     * With two command-side instances polling the same deadline table, each subscription's due step runs once: the
     * trial ends by its own deadline (nothing but the wall clock moves it; the test clock only brings it 6 s near).
     */
    @Test
    void deadlinesFireOnceWithTwoCommandSideInstances() throws Exception {
        String ops = opsToken();
        Process second = stack.launchExtra(Stack.COMMAND, Stack.freePort());
        try {
            java.util.List<Owner> owners = new java.util.ArrayList<>();
            for (int i = 0; i < 12; i++) {
                Owner owner = signUp("Twin Deadline Agency " + i);
                advance(ops, owner, "PT335H59M54S"); // the 14-day trial now ends 6 s from now
                owners.add(owner);
            }
            for (Owner owner : owners) {
                JsonNode current = null;
                for (int i = 0; i < 300; i++) {
                    current = api.get("/api/subscriptions/current", owner.token()).json();
                    if (!"trialing".equals(current.path("status").asText())) break;
                    Thread.sleep(200);
                }
                assertThat(current.path("status").asText()).as("the deadline ended the trial").isEqualTo("past_due");
            }
            try (java.sql.Connection c = stack.postgres().connect(stack.databaseName());
                 java.sql.PreparedStatement s = c.prepareStatement("""
                         SELECT count(*) FROM event_store.domain_event_entry
                         WHERE payload_type = 'com.webprometrics.events.billing.TrialEnded'
                         AND convert_from(payload, 'UTF8')::jsonb ->> 'agencyId' = ?""")) {
                for (Owner owner : owners) {
                    s.setString(1, owner.agencyId());
                    try (java.sql.ResultSet rs = s.executeQuery()) {
                        rs.next();
                        assertThat(rs.getInt(1)).as("the trial of %s ended once", owner.agencyId()).isEqualTo(1);
                    }
                }
            }
        } finally {
            second.destroy();
            second.waitFor(20, java.util.concurrent.TimeUnit.SECONDS);
        }
    }

    /** The provider's later reports about a paid invoice's charge and the saved card reach the subscription. */
    @Test
    void aDisputedChargeAndADetachedCardAreRecorded() throws Exception {
        String ops = opsToken();
        Owner owner = signUp("Disputed Agency");
        saveCard(owner, "4000000000000259", "0259"); // payments succeed, then the cardholder disputes them
        long at = advance(ops, owner, "P15D");
        JsonNode invoice = api.get("/api/subscriptions/invoices", owner.token(), "X-Min-Position", "" + at).json()
                .path("items").get(0);
        assertThat(invoice.path("status").asText()).isEqualTo("paid");
        JsonNode detail = null;
        for (int i = 0; i < 100 && (detail == null || !detail.path("disputed").asBoolean()); i++) {
            detail = api.get("/api/subscriptions/invoices/" + invoice.path("id").asText(), owner.token()).json();
            if (!detail.path("disputed").asBoolean()) Thread.sleep(100);
        }
        assertThat(detail.path("disputed").asBoolean()).as("charge.dispute.created reached the invoice").isTrue();

        String card;
        try (java.sql.Connection c = stack.postgres().connect(stack.databaseName());
             java.sql.PreparedStatement s = c.prepareStatement("""
                     SELECT convert_from(payload, 'UTF8')::jsonb ->> 'paymentMethodId' FROM event_store.domain_event_entry
                     WHERE payload_type = 'com.webprometrics.events.billing.PaymentMethodSaved'
                     AND convert_from(payload, 'UTF8')::jsonb ->> 'agencyId' = ?""")) {
            s.setString(1, owner.agencyId());
            try (java.sql.ResultSet rs = s.executeQuery()) {
                rs.next();
                card = rs.getString(1);
            }
        }
        HttpResponse<String> detached = BROWSER.send(HttpRequest.newBuilder(URI.create(stack.paymentsUrl()
                        + "/v1/payment_methods/" + card + "/detach")).header("Authorization", "Bearer " + stack.paymentKey())
                .header("Idempotency-Key", "detach-" + card).POST(HttpRequest.BodyPublishers.noBody()).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(detached.statusCode()).as(detached.body()).isEqualTo(200);
        JsonNode current = null;
        for (int i = 0; i < 100 && (current == null || current.hasNonNull("paymentMethod")); i++) {
            current = api.get("/api/subscriptions/current", owner.token()).json();
            if (current.hasNonNull("paymentMethod")) Thread.sleep(100);
        }
        assertThat(current.hasNonNull("paymentMethod")).as("payment_method.detached removed the card").isFalse();
    }

    @Test
    void testClocksAreForOperatorsOnly() {
        Owner owner = signUp("Clockless Agency");
        ApiResponse refused = api.post("/api/ops/billing/clock", Map.of("agencyId", owner.agencyId(),
                "advanceBy", "P15D"), owner.token());
        assertThat(refused.status()).isEqualTo(403);
    }

    /** From an address of its own each time: sign-ups have a budget per address. */
    private Owner signUp(String agency) {
        ApiResponse r = stack.api().fromNewAddress().post("/api/auth/signup", Map.of("agencyName", agency, "name", "Pat Payer",
                "email", "cycle-" + UUID.randomUUID() + "@agency.test", "password", PASSWORD), null);
        assertThat(r.status()).as(r.toString()).isEqualTo(201);
        return new Owner(r.field("agencyId"), r.field("accessToken"));
    }

    private String opsToken() throws Exception {
        Stack.Operator operator = stack.operator();
        ApiResponse login = api.post("/api/auth/login", Map.of("email", operator.email(), "password",
                operator.password()), null);
        assertThat(login.status()).as(login.toString()).isEqualTo(200);
        return login.field("accessToken");
    }

    /** Moves the agency's billing clock; every step due by then has run when it answers. */
    private long advance(String ops, Owner owner, String by) {
        ApiResponse moved = api.post("/api/ops/billing/clock", Map.of("agencyId", owner.agencyId(), "advanceBy", by),
                ops);
        assertThat(moved.status()).as(moved.toString()).isEqualTo(200);
        return moved.json().path("position").asLong();
    }

    private JsonNode current(Owner owner, long position) {
        ApiResponse r = api.get("/api/subscriptions/current", owner.token(), "X-Min-Position", "" + position);
        assertThat(r.status()).as(r.toString()).isEqualTo(200);
        return r.json();
    }

    /** The provider's hosted page, as a browser fills it; returns once the webhook's card shows on the subscription. */
    private void saveCard(Owner owner, String number, String last4) throws Exception {
        ApiResponse setup = api.post("/api/subscriptions/payment-method", Map.of(), owner.token());
        assertThat(setup.status()).as(setup.toString()).isEqualTo(200);
        HttpResponse<String> saved = BROWSER.send(HttpRequest.newBuilder(URI.create(setup.field("redirectUrl")))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString("card=" + number)).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(saved.statusCode()).isEqualTo(303);
        for (int i = 0; i < 100; i++) {
            JsonNode card = api.get("/api/subscriptions/current", owner.token()).json().path("paymentMethod");
            if (last4.equals(card.path("last4").asText())) {
                return;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the card ending " + last4 + " never showed on the subscription");
    }

    /** Every idempotency key the provider was charged with for the agency's invoices. */
    private java.util.List<String> chargesOf(Owner owner) throws Exception {
        java.util.List<String> paid = new java.util.ArrayList<>();
        try (java.sql.Connection c = stack.postgres().connect(stack.databaseName());
             java.sql.PreparedStatement s = c.prepareStatement("""
                     SELECT convert_from(payload, 'UTF8')::jsonb ->> 'invoiceId' FROM event_store.domain_event_entry
                     WHERE payload_type = 'com.webprometrics.events.billing.InvoicePaid'
                     AND convert_from(payload, 'UTF8')::jsonb ->> 'agencyId' = ?""")) {
            s.setString(1, owner.agencyId());
            try (java.sql.ResultSet rs = s.executeQuery()) {
                while (rs.next()) {
                    paid.add(rs.getString(1));
                }
            }
        }
        return paid;
    }

    private static Map<String, Object> client(String name) {
        return Map.of("name", name);
    }
}
