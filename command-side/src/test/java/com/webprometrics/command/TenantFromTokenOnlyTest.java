package com.webprometrics.command;

import com.webprometrics.platform.web.TenantFromTokenOnly;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Qualifier;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.method.HandlerMethod;
import org.springframework.web.servlet.mvc.method.annotation.RequestMappingHandlerMapping;

import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Check 3: the tenant comes from the token, never from a parameter — for every endpoint the command side maps. */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
class TenantFromTokenOnlyTest {

    @DynamicPropertySource
    static void database(DynamicPropertyRegistry registry) {
        com.webprometrics.command.support.PostgresDatabase.register(registry);
    }

    @Autowired
    @Qualifier("requestMappingHandlerMapping")
    RequestMappingHandlerMapping mapping;

    @Test
    void noEndpointTakesTheAgencyFromTheRequest() {
        assertThat(mapping.getHandlerMethods()).hasSizeGreaterThan(20);
        assertThat(TenantFromTokenOnly.violations(mapping.getHandlerMethods().values())).isEmpty();
    }

    @Test
    void theCheckFindsAnEndpointThatWould() throws Exception {
        Object controller = new Leaky();
        List<HandlerMethod> leaky = List.of(
                new HandlerMethod(controller, Leaky.class.getDeclaredMethod("byPath", UUID.class)),
                new HandlerMethod(controller, Leaky.class.getDeclaredMethod("byQuery", String.class)),
                new HandlerMethod(controller, Leaky.class.getDeclaredMethod("byHeader", String.class)),
                new HandlerMethod(controller, Leaky.class.getDeclaredMethod("byBody", Body.class)),
                new HandlerMethod(controller, Leaky.class.getDeclaredMethod("named", String.class)));
        assertThat(TenantFromTokenOnly.violations(leaky)).hasSize(4);
    }

    record Body(String name, UUID agencyId) {
    }

    static class Leaky {
        void byPath(@PathVariable("agencyId") UUID agency) {
        }

        void byQuery(@RequestParam("agency_id") String agency) {
        }

        void byHeader(@RequestHeader("X-Agency-Id") String agency) {
        }

        void byBody(@RequestBody Body body) {
        }

        void named(@RequestParam("agencyName") String agencyName) {
        }
    }
}
