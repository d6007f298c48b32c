package com.webprometrics.gateway.error;

import com.webprometrics.websecurity.ProblemWriter;

import java.io.IOException;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;

import org.springframework.boot.webmvc.error.ErrorController;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.RequestMapping;

/**
 * Replaces Boot's /error page: anything the container turns into an error dispatch (e.g. Tomcat
 * rejecting a malformed request) is answered in the same problem+json model.
 */
@Controller
public class ProblemErrorController implements ErrorController {

    @RequestMapping("/error")
    public void error(HttpServletRequest request, HttpServletResponse response) throws IOException {
        Object code = request.getAttribute(RequestDispatcher.ERROR_STATUS_CODE);
        int status = code instanceof Integer i ? i : 500;
        Object exception = request.getAttribute(RequestDispatcher.ERROR_EXCEPTION);
        if (exception instanceof Throwable t && status >= 500) {
            GatewayErrorFilter.handle(request, response, t);
            return;
        }
        write(request, response, status);
    }

    public static void write(HttpServletRequest request, HttpServletResponse response, int status) throws IOException {
        String slug;
        String title;
        String detail;
        switch (status) {
            case 400 -> { slug = "malformed-request"; title = "Bad Request"; detail = "The request is malformed."; }
            case 401 -> { slug = "unauthorized"; title = "Unauthorized"; detail = "Authentication is required."; }
            case 403 -> { slug = "forbidden"; title = "Forbidden"; detail = "You are not allowed to do this."; }
            case 404 -> { slug = "not-found"; title = "Not Found"; detail = "No such resource."; }
            case 405 -> { slug = "method-not-allowed"; title = "Method Not Allowed"; detail = "This method is not allowed here."; }
            case 413 -> { slug = "payload-too-large"; title = "Payload Too Large"; detail = "The request body is too large."; }
            case 415 -> { slug = "unsupported-media-type"; title = "Unsupported Media Type"; detail = "This content type is not supported."; }
            case 429 -> { slug = "rate-limited"; title = "Too Many Requests"; detail = "Too many requests."; }
            default -> {
                if (status >= 400 && status < 500) {
                    slug = "malformed-request"; title = "Bad Request"; detail = "The request cannot be processed.";
                } else {
                    slug = "internal"; title = "Internal Server Error"; detail = "Something went wrong in the gateway.";
                }
            }
        }
        ProblemWriter.write(request, response, status, slug, title, detail);
    }
}
