package com.webprometrics.command.auth;

import com.webprometrics.command.infra.Position;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

import com.nimbusds.jose.jwk.JWKSet;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;

import java.util.List;
import java.util.Map;
import java.util.UUID;

@RestController
@RequestMapping("/api/auth")
class AuthController {
    private final AuthService auth;
    private final PasswordChanges passwordChanges;
    private final SigningKeys keys;
    private final RefreshCookie cookie;

    AuthController(AuthService auth, PasswordChanges passwordChanges, SigningKeys keys, RefreshCookie cookie) {
        this.auth = auth;
        this.passwordChanges = passwordChanges;
        this.keys = keys;
        this.cookie = cookie;
    }

    /** Browsers that asked for the cookie get the refresh token there and never in the body. */
    private TokenResponse answer(AuthService.Tokens tokens, HttpServletRequest request, HttpServletResponse response) {
        TokenResponse body = TokenResponse.of(tokens);
        if (!cookie.wanted(request)) {
            return body;
        }
        cookie.set(request, response, tokens.refreshToken());
        return new TokenResponse(body.agencyId(), body.userId(), body.accessToken(), null, body.tokenType(),
                body.expiresIn(), body.position());
    }

    /** The body's token (other clients), else the session cookie's (browsers). */
    private java.util.Optional<String> presentedRefreshToken(RefreshRequest body, HttpServletRequest request) {
        return body == null || body.refreshToken() == null || body.refreshToken().isBlank()
                ? cookie.presented(request) : java.util.Optional.of(body.refreshToken());
    }

    record PasswordChangeRequest(@NotNull @Size(max = 200) String currentPassword, @NotNull @NewPassword String newPassword) {
    }

    record PasswordResetRequest(@NotBlank @Email @Size(max = 254) String email) {
    }

    record PasswordResetConfirmation(@NotBlank @Size(max = 200) String token, @NotNull @NewPassword String newPassword) {
    }

    record SignUpRequest(@NotBlank @Size(max = 120) String agencyName,
                         @NotBlank @Size(max = 120) String name,
                         @NotBlank @Email @Size(max = 254) String email,
                         @NotNull @NewPassword String password,
                         @Size(max = 64) String timeZone) {
    }

    record LoginRequest(@NotBlank @Size(max = 254) String email, @NotNull @Size(max = 200) String password) {
    }

    /** The token in the body, or (browsers) nothing: the {@link RefreshCookie} carries it. */
    record RefreshRequest(@Size(max = 200) String refreshToken) {
    }

    record AcceptInvitationRequest(@NotBlank @Size(max = 200) String inviteToken,
                                   @NotBlank @Size(max = 120) String name,
                                   @NotNull @NewPassword String password) {
    }

    record TokenResponse(UUID agencyId, UUID userId, String accessToken, String refreshToken, String tokenType,
                         long expiresIn, long position) {
        static TokenResponse of(AuthService.Tokens tokens) {
            return new TokenResponse(tokens.agencyId(), tokens.userId(), tokens.accessToken(), tokens.refreshToken(),
                    "Bearer", tokens.expiresIn(), tokens.position());
        }
    }

    @PostMapping("/signup")
    @ResponseStatus(HttpStatus.CREATED)
    TokenResponse signUp(@Valid @RequestBody SignUpRequest request, HttpServletRequest http, HttpServletResponse response) {
        return answer(auth.signUp(request.agencyName(), request.name(), request.email(), request.password(),
                AgencyTimeZone.parse("timeZone", request.timeZone())), http, response);
    }

    @PostMapping("/accept-invitation")
    @ResponseStatus(HttpStatus.CREATED)
    TokenResponse acceptInvitation(@Valid @RequestBody AcceptInvitationRequest request, HttpServletRequest http,
                                   HttpServletResponse response) {
        return answer(auth.acceptInvitation(request.inviteToken(), request.name(), request.password()), http, response);
    }

    @PostMapping("/login")
    TokenResponse login(@Valid @RequestBody LoginRequest request, HttpServletRequest http, HttpServletResponse response) {
        return answer(auth.login(request.email(), request.password()), http, response);
    }

    @PostMapping("/refresh")
    TokenResponse refresh(@Valid @RequestBody(required = false) RefreshRequest request, HttpServletRequest http,
                          HttpServletResponse response) {
        return answer(auth.refresh(presentedRefreshToken(request, http)
                .orElseThrow(AuthRejection.INVALID_REFRESH_TOKEN::get)), http, response);
    }

    @PostMapping("/logout")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void logout(@Valid @RequestBody(required = false) RefreshRequest request, HttpServletRequest http,
                HttpServletResponse response) {
        cookie.clear(http, response);
        presentedRefreshToken(request, http).ifPresent(auth::logout);
    }

    /** Keeps the session whose token made the request (its {@code sid}); ends every other one. */
    @PostMapping("/password")
    Position changePassword(@AuthenticationPrincipal Jwt jwt, @Valid @RequestBody PasswordChangeRequest request) {
        String session = jwt.getClaimAsString(AccessTokens.SESSION_CLAIM);
        return new Position(passwordChanges.change(UUID.fromString(jwt.getSubject()),
                session == null ? null : UUID.fromString(session), request.currentPassword(), request.newPassword()));
    }

    /** 202 whether or not the address has an account. */
    @PostMapping("/password-reset")
    @ResponseStatus(HttpStatus.ACCEPTED)
    void requestPasswordReset(@Valid @RequestBody PasswordResetRequest request) {
        passwordChanges.requestReset(request.email());
    }

    @PostMapping("/password-reset/confirm")
    Position resetPassword(@Valid @RequestBody PasswordResetConfirmation request) {
        return new Position(passwordChanges.reset(request.token(), request.newPassword()));
    }

    @GetMapping("/jwks")
    Map<String, Object> jwks() {
        return new JWKSet(List.<com.nimbusds.jose.jwk.JWK>copyOf(keys.published())).toJSONObject();
    }
}
