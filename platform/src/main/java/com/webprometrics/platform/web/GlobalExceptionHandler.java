package com.webprometrics.platform.web;

import com.webprometrics.websecurity.CorrelationIdFilter;

import com.webprometrics.platform.domain.DomainException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.ConstraintViolationException;
import org.axonframework.commandhandling.CommandExecutionException;
import org.axonframework.modelling.command.AggregateNotFoundException;
import org.axonframework.modelling.command.ConcurrencyException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.security.access.AccessDeniedException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.MethodArgumentNotValidException;
import org.springframework.web.bind.MissingServletRequestParameterException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.method.annotation.HandlerMethodValidationException;
import org.springframework.web.method.annotation.MethodArgumentTypeMismatchException;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.servlet.resource.NoResourceFoundException;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DatabindException;

import java.net.URI;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** Turns every failure into RFC 9457 problem+json; never a stack trace (DESIGN.md rule 6). */
@RestControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
public class GlobalExceptionHandler {
    private static final Logger log = LoggerFactory.getLogger(GlobalExceptionHandler.class);

    @ExceptionHandler(ProblemException.class)
    ProblemDetail problem(ProblemException e, HttpServletRequest request) {
        ProblemDetail problem = Problems.of(e.status(), e.slug(), e.title(), e.getMessage());
        if (!e.fieldErrors().isEmpty()) {
            Problems.withFieldErrors(problem, e.fieldErrors());
        }
        return at(problem, request);
    }

    @ExceptionHandler(DomainException.class)
    ProblemDetail domain(DomainException e, HttpServletRequest request) {
        ProblemDetail problem = Problems.of(HttpStatus.valueOf(e.kind().status), e.kind().slug, e.title(), e.getMessage());
        problem.setProperty("code", e.code());
        return at(problem, request);
    }

    @ExceptionHandler(CommandExecutionException.class)
    ProblemDetail commandFailed(CommandExecutionException e, HttpServletRequest request, HttpServletResponse response) {
        Throwable cause = e.getCause();
        if (cause instanceof ProblemException p) {
            return problem(p, request);
        }
        if (cause instanceof DomainException d) {
            return domain(d, request);
        }
        if (cause instanceof AggregateNotFoundException) {
            return problem(ProblemException.notFound("The resource"), request);
        }
        if (cause instanceof ConcurrencyException) {
            return problem(ProblemException.conflict("The resource was changed concurrently; try again."), request);
        }
        return unexpected(e, request, response);
    }

    @ExceptionHandler(AggregateNotFoundException.class)
    ProblemDetail aggregateNotFound(AggregateNotFoundException e, HttpServletRequest request) {
        return problem(ProblemException.notFound("The resource"), request);
    }

    @ExceptionHandler(ConcurrencyException.class)
    ProblemDetail concurrency(ConcurrencyException e, HttpServletRequest request) {
        return problem(ProblemException.conflict("The resource was changed concurrently; try again."), request);
    }

    @ExceptionHandler(MethodArgumentNotValidException.class)
    ProblemDetail invalidBody(MethodArgumentNotValidException e, HttpServletRequest request) {
        List<Map<String, String>> errors = e.getBindingResult().getFieldErrors().stream()
                .map(f -> Problems.fieldError(f.getField(), f.getDefaultMessage()))
                .collect(Collectors.toList());
        e.getBindingResult().getGlobalErrors().forEach(g -> errors.add(Problems.fieldError(g.getObjectName(), g.getDefaultMessage())));
        return at(Problems.withFieldErrors(validation("One or more fields are invalid."), errors), request);
    }

    @ExceptionHandler(HandlerMethodValidationException.class)
    ProblemDetail invalidParameters(HandlerMethodValidationException e, HttpServletRequest request) {
        List<Map<String, String>> errors = e.getParameterValidationResults().stream()
                .flatMap(r -> r.getResolvableErrors().stream().map(err -> Problems.fieldError(
                        r.getMethodParameter().getParameterName() == null ? "parameter" : r.getMethodParameter().getParameterName(),
                        err.getDefaultMessage())))
                .toList();
        return at(Problems.withFieldErrors(validation("One or more parameters are invalid."), errors), request);
    }

    @ExceptionHandler(ConstraintViolationException.class)
    ProblemDetail constraintViolation(ConstraintViolationException e, HttpServletRequest request) {
        List<Map<String, String>> errors = e.getConstraintViolations().stream()
                .map(v -> Problems.fieldError(lastNode(v.getPropertyPath().toString()), v.getMessage()))
                .toList();
        return at(Problems.withFieldErrors(validation("One or more parameters are invalid."), errors), request);
    }

    @ExceptionHandler(HttpMessageNotReadableException.class)
    ProblemDetail unreadable(HttpMessageNotReadableException e, HttpServletRequest request) {
        Throwable cause = e.getCause();
        if (cause instanceof DatabindException databind && !databind.getPath().isEmpty()) {
            String field = databind.getPath().stream()
                    .map(ref -> ref.getPropertyName() != null ? ref.getPropertyName() : "[" + ref.getIndex() + "]")
                    .collect(Collectors.joining("."));
            return at(Problems.withFieldErrors(validation("A field has the wrong type."),
                    List.of(Problems.fieldError(field, "has the wrong type"))), request);
        }
        String detail = cause instanceof JacksonException ? "The request body is not valid JSON." : "The request body is missing or unreadable.";
        return at(Problems.of(HttpStatus.BAD_REQUEST, "malformed-request", "Malformed request", detail), request);
    }

    @ExceptionHandler(MethodArgumentTypeMismatchException.class)
    ProblemDetail typeMismatch(MethodArgumentTypeMismatchException e, HttpServletRequest request) {
        return at(Problems.withFieldErrors(validation("A parameter has the wrong format."),
                List.of(Problems.fieldError(e.getName(), "has the wrong format"))), request);
    }

    @ExceptionHandler(MissingServletRequestParameterException.class)
    ProblemDetail missingParameter(MissingServletRequestParameterException e, HttpServletRequest request) {
        return at(Problems.withFieldErrors(validation("A required parameter is missing."),
                List.of(Problems.fieldError(e.getParameterName(), "is required"))), request);
    }

    @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
    ProblemDetail mediaType(HttpMediaTypeNotSupportedException e, HttpServletRequest request) {
        return at(Problems.of(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "unsupported-media-type", "Unsupported media type",
                "Send application/json."), request);
    }

    @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
    ProblemDetail method(HttpRequestMethodNotSupportedException e, HttpServletRequest request) {
        return at(Problems.of(HttpStatus.METHOD_NOT_ALLOWED, "method-not-allowed", "Method not allowed",
                "This resource does not support " + e.getMethod() + "."), request);
    }

    @ExceptionHandler(NoResourceFoundException.class)
    ProblemDetail noResource(NoResourceFoundException e, HttpServletRequest request) {
        return problem(ProblemException.notFound("The resource"), request);
    }

    @ExceptionHandler(MaxUploadSizeExceededException.class)
    ProblemDetail tooLarge(MaxUploadSizeExceededException e, HttpServletRequest request) {
        return at(Problems.of(HttpStatus.CONTENT_TOO_LARGE, "payload-too-large", "Payload too large",
                "The upload is larger than allowed."), request);
    }

    @ExceptionHandler(AccessDeniedException.class)
    ProblemDetail denied(AccessDeniedException e, HttpServletRequest request) {
        return problem(ProblemException.forbidden("Your role does not allow this action."), request);
    }

    @ExceptionHandler(Exception.class)
    ProblemDetail unexpected(Exception e, HttpServletRequest request, HttpServletResponse response) {
        if (DatabaseOutage.isCause(e)) {
            boolean duringCommit = CommitOutcomeUnknown.isCause(e);
            log.warn("database {} on {} {}: {}", duringCommit ? "went away during COMMIT" : "unavailable",
                    request.getMethod(), request.getRequestURI(), e.toString());
            response.setHeader("Retry-After", Long.toString(DatabaseOutage.RETRY_AFTER_SECONDS));
            return at(Problems.of(HttpStatus.SERVICE_UNAVAILABLE, "unavailable", "Service unavailable", duringCommit
                    ? "The database went away while your change was being saved: it may or may not have been saved. "
                            + "Check before you repeat it."
                    : "The database cannot be reached; nothing was changed. Try again shortly."), request);
        }
        log.error("Unhandled error on {} {}", request.getMethod(), request.getRequestURI(), e);
        return at(Problems.of(HttpStatus.INTERNAL_SERVER_ERROR, "internal", "Internal error",
                "Something went wrong on our side. Quote the correlation id when you report it."), request);
    }

    private static ProblemDetail validation(String detail) {
        return Problems.of(HttpStatus.BAD_REQUEST, "validation", "Invalid request", detail);
    }

    private static ProblemDetail at(ProblemDetail problem, HttpServletRequest request) {
        problem.setInstance(URI.create(request.getRequestURI()));
        Object correlationId = request.getAttribute(CorrelationIdFilter.ATTRIBUTE);
        if (correlationId != null) {
            problem.setProperty("correlationId", correlationId);
        }
        return problem;
    }

    private static String lastNode(String path) {
        int dot = path.lastIndexOf('.');
        return dot < 0 ? path : path.substring(dot + 1);
    }
}
