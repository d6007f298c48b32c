package com.webprometrics.command.integrations.oauth;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseCookie;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.Arrays;

/**
 * {@code GET /api/integrations/oauth/callback}: a browser navigation from the provider, so no bearer token;
 * the state (and the browser's cookie) say who it is for. Always answers 302 to the SPA — never a problem
 * page, and never echoing code or state.
 */
@RestController
class OAuthCallbackController {
    static final String PATH = "/api/integrations/oauth/callback";
    private final OAuthFlows flows;

    OAuthCallbackController(OAuthFlows flows) {
        this.flows = flows;
    }

    @GetMapping(PATH)
    ResponseEntity<Void> callback(@RequestParam(required = false) String code,
                                  @RequestParam(required = false) String state,
                                  @RequestParam(required = false) String error,
                                  @RequestParam(name = "error_description", required = false) String errorDescription,
                                  HttpServletRequest request) {
        OAuthFlows.Finished finished = flows.complete(code, state, error, errorDescription, name -> cookie(request, name));
        ResponseEntity.BodyBuilder response = ResponseEntity.status(HttpStatus.FOUND)
                .location(finished.location())
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .header("Referrer-Policy", "no-referrer");
        if (finished.cookieName() != null) {
            response.header(HttpHeaders.SET_COOKIE, ResponseCookie.from(finished.cookieName(), "")
                    .path(PATH).httpOnly(true).sameSite("Lax").maxAge(0).build().toString());
        }
        return response.build();
    }

    private static String cookie(HttpServletRequest request, String name) {
        Cookie[] cookies = request.getCookies();
        return cookies == null ? null : Arrays.stream(cookies).filter(c -> c.getName().equals(name))
                .map(Cookie::getValue).findFirst().orElse(null);
    }
}
