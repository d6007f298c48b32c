package com.webprometrics.gateway.support;

import java.time.Instant;
import java.util.Base64;
import java.util.Date;
import java.util.List;
import java.util.UUID;

import com.nimbusds.jose.JOSEException;
import com.nimbusds.jose.JWSAlgorithm;
import com.nimbusds.jose.JWSHeader;
import com.nimbusds.jose.crypto.MACSigner;
import com.nimbusds.jose.crypto.RSASSASigner;
import com.nimbusds.jose.jwk.JWKSet;
import com.nimbusds.jose.jwk.RSAKey;
import com.nimbusds.jose.jwk.gen.RSAKeyGenerator;
import com.nimbusds.jwt.JWTClaimsSet;
import com.nimbusds.jwt.PlainJWT;
import com.nimbusds.jwt.SignedJWT;

/** Signs access tokens like command-side does (RS256, iss/aud/sub/roles/agency_id/jti/iat/exp). */
public final class Tokens {

    public static final String ISSUER = "webprometrics";
    public static final String AUDIENCE = "webprometrics-api";

    private final RSAKey key;

    public Tokens() {
        try {
            key = new RSAKeyGenerator(2048).keyID("test-key").generate();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    public String jwkSetJson() {
        return new JWKSet(key.toPublicJWK()).toString();
    }

    public JWTClaimsSet.Builder claims(String subject, String... roles) {
        Instant now = Instant.now();
        return new JWTClaimsSet.Builder()
                .issuer(ISSUER)
                .audience(AUDIENCE)
                .subject(subject)
                .claim("agency_id", UUID.randomUUID().toString())
                .claim("roles", List.of(roles))
                .jwtID(UUID.randomUUID().toString())
                .issueTime(Date.from(now))
                .expirationTime(Date.from(now.plusSeconds(900)));
    }

    public String token(String... roles) {
        return sign(claims(UUID.randomUUID().toString(), roles).build());
    }

    public String sign(JWTClaimsSet claims) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID()).build(),
                    claims);
            jwt.sign(new RSASSASigner(key));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    public String signedWithOtherKey(JWTClaimsSet claims) {
        return new Tokens().sign(claims);
    }

    public String hs256(JWTClaimsSet claims) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(key.getKeyID()).build(),
                    claims);
            byte[] secret = new byte[32];
            new java.security.SecureRandom().nextBytes(secret);
            jwt.sign(new MACSigner(secret));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /** HS256 keyed with the real RSA public key's bytes (RFC 8725 3.1: algorithm confusion). */
    public String hs256WithThePublicKey(JWTClaimsSet claims) {
        try {
            SignedJWT jwt = new SignedJWT(new JWSHeader.Builder(JWSAlgorithm.HS256).keyID(key.getKeyID()).build(),
                    claims);
            jwt.sign(new MACSigner(key.toRSAPublicKey().getEncoded()));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    /**
     * Signed by an attacker's key that the header carries itself ({@code jwk}) or points to ({@code jku}), with the
     * real key's id: a verifier that trusted either would accept it.
     */
    public String withInjectedKey(JWTClaimsSet claims, boolean embedded) {
        try {
            RSAKey attacker = new RSAKeyGenerator(2048).keyID(key.getKeyID()).generate();
            JWSHeader.Builder header = new JWSHeader.Builder(JWSAlgorithm.RS256).keyID(key.getKeyID());
            if (embedded) {
                header.jwk(attacker.toPublicJWK());
            } else {
                header.jwkURL(java.net.URI.create("http://127.0.0.1:1/attacker-jwks.json"));
            }
            SignedJWT jwt = new SignedJWT(header.build(), claims);
            jwt.sign(new RSASSASigner(attacker));
            return jwt.serialize();
        } catch (JOSEException e) {
            throw new IllegalStateException(e);
        }
    }

    public static String algNone(JWTClaimsSet claims) {
        return new PlainJWT(claims).serialize();
    }

    /** Flips one character in the middle of the signature (the last one may decode to the same bytes). */
    public static String tamperSignature(String jwt) {
        int dot = jwt.lastIndexOf('.');
        char[] chars = jwt.toCharArray();
        int middle = dot + 1 + (jwt.length() - dot - 1) / 2;
        chars[middle] = chars[middle] == 'A' ? 'B' : 'A';
        return new String(chars);
    }

    /** Changes the payload (roles → OWNER) while keeping the original signature. */
    public static String tamperPayload(String jwt) {
        String[] parts = jwt.split("\\.");
        String payload = new String(Base64.getUrlDecoder().decode(parts[1]));
        String forged = payload.replaceAll("\"roles\":\\[[^\\]]*\\]", "\"roles\":[\"OWNER\"]");
        return parts[0] + "." + Base64.getUrlEncoder().withoutPadding().encodeToString(forged.getBytes()) + "." + parts[2];
    }
}
