package com.webprometrics.systemtests;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.util.Map;

/** Runs the SPA's own browser tests ({@code frontend/e2e}) against the shared stack. */
@ExtendWith(StackExtension.class)
class SpaBrowserTest {

    @Test
    void spaEndToEndSuitePasses(Stack stack) throws Exception {
        BrowserSuite.run(Map.of("WPM_BASE_URL", stack.baseUrl()), stack);
    }
}
