package com.webprometrics.query.clients;

import com.webprometrics.platform.domain.DomainException;
import com.webprometrics.platform.security.CurrentUser;
import com.webprometrics.platform.web.ProblemException;
import com.webprometrics.platform.web.Problems;
import com.webprometrics.query.infra.Page;
import com.webprometrics.query.infra.PageRequest;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

import java.util.List;
import java.util.Set;
import java.util.UUID;

@RestController
@RequestMapping("/api/clients")
class ClientQueryController {
    private static final Set<String> STATUSES = Set.of("active", "archived");
    private final ClientQueries clients;

    ClientQueryController(ClientQueries clients) {
        this.clients = clients;
    }

    @GetMapping
    Page<ClientView> list(CurrentUser user, @RequestParam(required = false) String status,
                          @RequestParam(required = false) String q, @RequestParam(required = false) Integer page,
                          @RequestParam(required = false) Integer size) {
        if (status != null && !STATUSES.contains(status)) {
            throw ProblemException.invalidFields(List.of(Problems.fieldError("status", "must be active or archived")));
        }
        if (q != null && q.length() > 200) {
            throw ProblemException.invalidFields(List.of(Problems.fieldError("q", "must be at most 200 characters")));
        }
        return clients.list(user.agencyId(), status, q, PageRequest.of(page, size));
    }

    @GetMapping("/{clientId}")
    ClientView get(CurrentUser user, @PathVariable UUID clientId) {
        return clients.find(user.agencyId(), clientId).orElseThrow(() -> DomainException.notFound("The client"));
    }
}
