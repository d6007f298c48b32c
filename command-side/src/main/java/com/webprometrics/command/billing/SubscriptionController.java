package com.webprometrics.command.billing;

import com.webprometrics.command.billing.SubscriptionCommands.ChangeBillingDetails;
import com.webprometrics.command.billing.SubscriptionCommands.CancelSubscription;
import com.webprometrics.command.billing.SubscriptionCommands.ChangePlan;
import com.webprometrics.command.billing.SubscriptionCommands.EndTrialNow;
import com.webprometrics.command.billing.SubscriptionCommands.PayInvoice;
import com.webprometrics.command.billing.SubscriptionCommands.PreviewPlanChange;
import com.webprometrics.command.billing.SubscriptionCommands.ResumeSubscription;
import com.webprometrics.command.billing.SubscriptionCommands.StartPaymentMethodSetup;
import com.webprometrics.command.billing.provider.ProviderProperties;
import com.webprometrics.platform.web.ProblemException;
import com.webprometrics.platform.web.Problems;
import com.webprometrics.websecurity.Uuids;
import com.webprometrics.command.infra.Commands;
import com.webprometrics.command.infra.Position;
import com.webprometrics.platform.security.CurrentUser;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

import java.util.UUID;

/** The agency's subscription (OWNER and ADMIN, by the role matrix); reads are the query side's. */
@RestController
@RequestMapping("/api/subscriptions")
class SubscriptionController {
    private final Commands commands;
    private final BillingProperties billing;
    private final ProviderProperties provider;
    private final String origin;

    SubscriptionController(Commands commands, BillingProperties billing, ProviderProperties provider,
                           @Value("${wpm.auth.public-url}") String publicUrl) {
        this.commands = commands;
        this.billing = billing;
        this.provider = provider;
        this.origin = publicUrl.replaceAll("/+$", "");
    }

    record PlanRequest(@NotBlank @Size(max = 40) String plan) {
    }

    record PaymentMethodRequest(@Size(max = 2000) String returnUrl) {
    }

    record Redirect(String redirectUrl) {
    }

    record CancelRequest(Boolean atPeriodEnd) {
    }

    record Paid(long position, boolean paid, String failure) {
    }

    /** Upgrades now (prorated, invoiced and charged), downgrades at the period's end; a trial changes for free. */
    @PostMapping("/change-plan")
    Position changePlan(@Valid @RequestBody PlanRequest request, CurrentUser user) {
        return new Position(commands.position(new ChangePlan(SubscriptionIds.of(user.agencyId()), user.agencyId(),
                request.plan(), terms(request.plan()), Uuids.random())));
    }

    @PostMapping("/change-plan/preview")
    BillingCycle.Preview previewPlanChange(@Valid @RequestBody PlanRequest request, CurrentUser user) {
        return commands.<BillingCycle.Preview>send(new PreviewPlanChange(SubscriptionIds.of(user.agencyId()),
                user.agencyId(), request.plan(), terms(request.plan()))).answer();
    }

    /** Only at the period's end: {@code atPeriodEnd:false} (an immediate cancellation) is not offered. */
    @PostMapping("/cancel")
    Position cancel(@RequestBody(required = false) CancelRequest request, CurrentUser user) {
        if (request != null && Boolean.FALSE.equals(request.atPeriodEnd())) {
            throw ProblemException.invalidFields(java.util.List.of(Problems.fieldError("atPeriodEnd",
                    "only true: a subscription ends at the end of the period paid for")));
        }
        return new Position(commands.position(new CancelSubscription(SubscriptionIds.of(user.agencyId()),
                user.agencyId())));
    }

    /** Ends the trial now: the first paid period starts and is charged at once (402 when the card is declined). */
    @PostMapping("/end-trial")
    Position endTrial(CurrentUser user) {
        return new Position(commands.position(new EndTrialNow(SubscriptionIds.of(user.agencyId()), user.agencyId())));
    }

    @PostMapping("/resume")
    Position resume(CurrentUser user) {
        return new Position(commands.position(new ResumeSubscription(SubscriptionIds.of(user.agencyId()),
                user.agencyId())));
    }

    /** Charges the open invoice now with the saved card; a decline is an answer ({@code paid:false}), not an error. */
    @PostMapping("/invoices/{invoiceId}/pay")
    Paid pay(@PathVariable UUID invoiceId, CurrentUser user) {
        Commands.Sent<BillingCycle.Payment> sent = commands.send(new PayInvoice(SubscriptionIds.of(user.agencyId()),
                user.agencyId(), invoiceId));
        return new Paid(sent.position(), sent.answer().paid(), sent.answer().failure());
    }

    private BillingProperties.Plan terms(String plan) {
        BillingProperties.Plan terms = billing.plans().get(plan);
        if (terms == null) {
            throw SubscriptionRejection.UNKNOWN_PLAN.get();
        }
        return terms;
    }

    @PutMapping("/billing-details")
    Position changeBillingDetails(@Valid @RequestBody BillingDetailsRequest request, CurrentUser user) {
        return new Position(commands.position(new ChangeBillingDetails(SubscriptionIds.of(user.agencyId()),
                user.agencyId(), request.toDetails())));
    }

    /**
     * The provider's hosted page to save a card; it sends the browser back to {@code returnUrl} (on the SPA's origin;
     * the billing page by default) with {@code card=saved} or {@code card=cancelled}.
     */
    @PostMapping("/payment-method")
    Redirect paymentMethod(@Valid @RequestBody(required = false) PaymentMethodRequest request, CurrentUser user) {
        if (!provider.configured()) {
            throw new ProblemException(org.springframework.http.HttpStatus.SERVICE_UNAVAILABLE, "payment-provider",
                    "Payments are not configured", "No payment provider key is configured on this installation.");
        }
        String returnUrl = request == null || request.returnUrl() == null || request.returnUrl().isBlank()
                ? origin + "/billing" : request.returnUrl().trim();
        if (!(returnUrl.equals(origin) || returnUrl.startsWith(origin + "/"))) {
            throw ProblemException.invalidFields(java.util.List.of(Problems.fieldError("returnUrl",
                    "must be a page of " + origin)));
        }
        String url = commands.<String>send(new StartPaymentMethodSetup(SubscriptionIds.of(user.agencyId()),
                user.agencyId(), returnUrl, Uuids.random())).answer();
        return new Redirect(url);
    }
}
