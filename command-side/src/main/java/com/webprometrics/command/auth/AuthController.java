package com.webprometrics.command.auth;

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

import java.util.Map;
import java.util.UUID;

@RestController
@RequestMapping("/api/auth")
class AuthController {
    private final AuthService auth;
    private final SigningKeys keys;

    AuthController(AuthService auth, SigningKeys keys) {
        this.auth = auth;
        this.keys = keys;
    }

    record SignUpRequest(@NotBlank @Size(max = 120) String agencyName,
                         @NotBlank @Size(max = 120) String name,
                         @NotBlank @Email @Size(max = 254) String email,
                         @NotNull @Size(min = 12, max = 200, message = "must be at least 12 characters") String password,
                         @Size(max = 64) String timeZone) {
    }

    record LoginRequest(@NotBlank @Size(max = 254) String email, @NotNull @Size(max = 200) String password) {
    }

    record RefreshRequest(@NotBlank @Size(max = 200) String refreshToken) {
    }

    record AcceptInvitationRequest(@NotBlank @Size(max = 200) String inviteToken,
                                   @NotBlank @Size(max = 120) String name,
                                   @NotNull @Size(min = 12, max = 200, message = "must be at least 12 characters") String password) {
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
    TokenResponse signUp(@Valid @RequestBody SignUpRequest request) {
        return TokenResponse.of(auth.signUp(request.agencyName(), request.name(), request.email(), request.password(),
                AgencyTimeZone.parse("timeZone", request.timeZone())));
    }

    @PostMapping("/accept-invitation")
    @ResponseStatus(HttpStatus.CREATED)
    TokenResponse acceptInvitation(@Valid @RequestBody AcceptInvitationRequest request) {
        return TokenResponse.of(auth.acceptInvitation(request.inviteToken(), request.name(), request.password()));
    }

    @PostMapping("/login")
    TokenResponse login(@Valid @RequestBody LoginRequest request) {
        return TokenResponse.of(auth.login(request.email(), request.password()));
    }

    @PostMapping("/refresh")
    TokenResponse refresh(@Valid @RequestBody RefreshRequest request) {
        return TokenResponse.of(auth.refresh(request.refreshToken()));
    }

    @PostMapping("/logout")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    void logout(@Valid @RequestBody RefreshRequest request) {
        auth.logout(request.refreshToken());
    }

    @GetMapping("/jwks")
    Map<String, Object> jwks() {
        return new JWKSet(keys.current().toPublicJWK()).toJSONObject();
    }
}
