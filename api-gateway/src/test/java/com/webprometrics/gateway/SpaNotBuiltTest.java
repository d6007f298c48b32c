package com.webprometrics.gateway;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.http.converter.StringHttpMessageConverter;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;
import org.springframework.web.servlet.function.ServerRequest;
import org.springframework.web.servlet.function.ServerResponse;

import com.webprometrics.gateway.spa.SpaRoutesAccess;

class SpaNotBuiltTest {

    @TempDir
    Path temp;

    @Test
    void missingSpaFolderAnswersPlainTextNot500() throws Exception {
        Path missing = temp.resolve("no-dist");
        MockHttpServletRequest servletRequest = new MockHttpServletRequest("GET", "/");
        ServerRequest request = ServerRequest.create(servletRequest, List.of(new StringHttpMessageConverter()));
        ServerResponse response = SpaRoutesAccess.serve(missing, request);
        MockHttpServletResponse servletResponse = new MockHttpServletResponse();
        response.writeTo(servletRequest, servletResponse, () -> List.of(new StringHttpMessageConverter()));
        assertThat(servletResponse.getStatus()).isEqualTo(200);
        assertThat(servletResponse.getContentType()).startsWith("text/plain");
        assertThat(servletResponse.getContentAsString()).contains("SPA is not built");
    }

    @Test
    void resolveRefusesToLeaveTheFolder() {
        assertThat(SpaRoutesAccess.resolve(temp, "/../../etc/passwd")).isEmpty();
        assertThat(SpaRoutesAccess.resolve(temp, "/")).isEmpty();
    }
}
