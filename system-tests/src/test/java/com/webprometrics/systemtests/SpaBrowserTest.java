package com.webprometrics.systemtests;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.Map;

/** Runs the SPA's own browser tests ({@code frontend/e2e}) against the shared stack. */
@ExtendWith(StackExtension.class)
class SpaBrowserTest {

    @Test
    void spaEndToEndSuitePasses(Stack stack) throws Exception {
        Stack.Operator operator = stack.operator();
        BrowserSuite.run(Map.of("WPM_BASE_URL", stack.baseUrl(), "WPM_E2E_OPS_EMAIL", operator.email(),
                "WPM_E2E_OPS_PASSWORD", operator.password()), stack);
    }
}
