package com.webprometrics.command.integrations.oauth;

import java.net.URI;

/** One provider family's OAuth endpoints: the consent page, the code exchange and the revocation. */
interface OAuthClient {

    boolean serves(String provider);

    /** Whether the flow sends a PKCE S256 challenge (Google) — then {@link #exchange} gets the verifier. */
    boolean usesPkce();

    URI authorizeUrl(String provider, String state, String codeChallenge);

    /** @throws AuthorizationFailed when the provider gives no usable grant */
    OAuthTokens exchange(String provider, String code, String codeVerifier);

    /** Best effort: tells the provider to forget the grant; never throws. */
    void revoke(OAuthTokens tokens);
}
