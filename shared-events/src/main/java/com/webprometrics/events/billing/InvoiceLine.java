package com.webprometrics.events.billing;

/** One line of an invoice in minor units; a credit (unused time on an old plan) is negative. */
public record InvoiceLine(String description, long amountCents) {
}
