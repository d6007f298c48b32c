package com.webprometrics.gateway.security;

import java.io.IOException;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.security.access.AccessDeniedException;
import org.springframework.security.web.access.AccessDeniedHandler;

import com.webprometrics.gateway.client.ClientAddressFilter;
import com.webprometrics.websecurity.ProblemWriter;
import com.webprometrics.websecurity.SecurityLog;

/** 403 problem+json when the token is fine but its roles do not allow the route. */
public class ProblemAccessDeniedHandler implements AccessDeniedHandler {

    @Override
    public void handle(HttpServletRequest request, HttpServletResponse response, AccessDeniedException e)
            throws IOException {
        SecurityLog.event("access_denied").actor().with("ip", ClientAddressFilter.clientIp(request)).request(request)
                .write();
        ProblemWriter.write(request, response, 403, "forbidden", "Forbidden",
                "Your role does not allow this request.");
    }
}
