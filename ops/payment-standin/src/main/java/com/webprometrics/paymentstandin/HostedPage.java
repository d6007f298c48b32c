package com.webprometrics.paymentstandin;

import java.util.Map;

/** The hosted setup page: the provider's test cards to choose from, and a way back. */
final class HostedPage {
    private HostedPage() {
    }

    static String render(Map<String, Object> session) {
        StringBuilder page = new StringBuilder()
                .append("<main><h1>Save a card</h1>")
                .append("<p>This is the local stand-in of the payment provider. Choose a test card; nothing is charged "
                        + "now, the card is saved for later payments.</p>")
                .append("<form method=\"post\" action=\"/pay/").append(escape((String) session.get("id"))).append("\">")
                .append("<fieldset><legend>Test card</legend>");
        boolean first = true;
        for (Cards card : Cards.values()) {
            String id = "card-" + card.last4();
            page.append("<div><input type=\"radio\" name=\"card\" id=\"").append(id).append("\" value=\"")
                    .append(card.number).append('"').append(first ? " checked" : "").append("><label for=\"")
                    .append(id).append("\">").append(escape(card.label)).append(" (•••• ").append(card.last4())
                    .append(")</label></div>");
            first = false;
        }
        return page.append("</fieldset><button type=\"submit\">Save card</button> ")
                .append("<button type=\"submit\" name=\"cancel\" value=\"1\">Back</button></form></main>")
                .toString();
    }

    private static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;").replace("\"", "&quot;");
    }
}
