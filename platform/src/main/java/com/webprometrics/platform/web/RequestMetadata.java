package com.webprometrics.platform.web;

import com.webprometrics.platform.axon.MetadataKeys;
import com.webprometrics.websecurity.ClientAddressResolver;
import com.webprometrics.websecurity.CorrelationIdFilter;
import jakarta.servlet.http.HttpServletRequest;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.context.request.RequestContextHolder;
import org.springframework.web.context.request.ServletRequestAttributes;

import java.util.HashMap;
import java.util.Map;

/** Reads who, for which agency, from where and under which correlation id the current request runs. */
public class RequestMetadata {
    private static final int MAX_USER_AGENT = 256;
    private final ClientAddressResolver clientIp;

    public RequestMetadata(ClientAddressResolver clientIp) {
        this.clientIp = clientIp;
    }

    public Map<String, String> current() {
        Map<String, String> meta = new HashMap<>();
        if (RequestContextHolder.getRequestAttributes() instanceof ServletRequestAttributes attributes) {
            HttpServletRequest request = attributes.getRequest();
            meta.put(MetadataKeys.CLIENT_IP, clientIp.resolve(request));
            String agent = request.getHeader("User-Agent");
            if (agent != null) {
                meta.put(MetadataKeys.USER_AGENT, agent.length() > MAX_USER_AGENT ? agent.substring(0, MAX_USER_AGENT) : agent);
            }
            Object correlationId = request.getAttribute(CorrelationIdFilter.ATTRIBUTE);
            if (correlationId != null) {
                meta.put(MetadataKeys.CORRELATION_ID, correlationId.toString());
            }
        }
        Authentication authentication = SecurityContextHolder.getContext().getAuthentication();
        if (authentication != null && authentication.getPrincipal() instanceof Jwt jwt) {
            meta.put(MetadataKeys.USER_ID, jwt.getSubject());
            String agency = jwt.getClaimAsString("agency_id");
            if (agency != null) {
                meta.put(MetadataKeys.AGENCY_ID, agency);
            }
        }
        return meta;
    }
}
