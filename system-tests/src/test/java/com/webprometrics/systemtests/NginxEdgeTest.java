package com.webprometrics.systemtests;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Checks 25 and 27 at the edge we ship: {@code ops/nginx/nginx.conf} itself, run by the machine's nginx with only its
 * machine-specific lines replaced (ports, paths, a throw-away certificate), in front of the running stack. The TLS
 * checks use OpenSSL's client so that a refusal is the server's alert, not a client that would not try.
 */
class NginxEdgeTest {
    private static final List<String> SECURITY_HEADERS = List.of("strict-transport-security", "x-content-type-options",
            "x-frame-options", "referrer-policy", "permissions-policy", "content-security-policy");

    private static Path dir;
    private static Process nginx;
    private static int httpsPort;
    private static int httpPort;
    private static HttpClient client;

    @BeforeAll
    static void start() throws Exception {
        Path binary = Stream.of("/usr/sbin/nginx", "/usr/bin/nginx").map(Path::of).filter(Files::isExecutable)
                .findFirst().orElseThrow(() -> new IllegalStateException(
                        "nginx is not installed: apt-get install nginx (.ci/run installs it when missing)"));
        Stack stack = Stack.shared();
        dir = RepoLayout.systemTestsDir().resolve("target/nginx-edge");
        Files.createDirectories(dir.resolve("logs"));
        run(List.of("openssl", "req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", "/CN=localhost",
                "-addext", "subjectAltName=DNS:localhost,IP:127.0.0.1", "-keyout", dir.resolve("key.pem").toString(),
                "-out", dir.resolve("cert.pem").toString()));
        httpsPort = Stack.freePort();
        httpPort = Stack.freePort();
        String config = Files.readString(stack.repoRoot().resolve("ops/nginx/nginx.conf"));
        Map<String, String> machineSpecific = Map.of(
                "user www-data;", "",
                "pid /run/nginx.pid;", "pid " + dir.resolve("nginx.pid") + ";",
                "/var/log/nginx/", dir.resolve("logs") + "/",
                "listen 80 default_server;", "listen 127.0.0.1:" + httpPort + " default_server;",
                "listen 443 ssl http2 default_server;", "listen 127.0.0.1:" + httpsPort + " ssl http2 default_server;",
                "/etc/webprometrics/tls/fullchain.pem", dir.resolve("cert.pem").toString(),
                "/etc/webprometrics/tls/privkey.pem", dir.resolve("key.pem").toString(),
                "/srv/webprometrics/spa", RepoLayout.spaDir().toString(),
                "server 127.0.0.1:8080", "server 127.0.0.1:" + stack.port(Stack.GATEWAY));
        for (Map.Entry<String, String> line : machineSpecific.entrySet()) {
            assertThat(config).as("ops/nginx/nginx.conf still says " + line.getKey()).contains(line.getKey());
            config = config.replace(line.getKey(), line.getValue());
        }
        config = config.lines().filter(l -> !l.contains("listen [::]")).reduce("", (a, l) -> a + l + "\n");
        Files.writeString(dir.resolve("nginx.conf"), config);
        nginx = new ProcessBuilder(binary.toString(), "-p", dir.toString(), "-c", dir.resolve("nginx.conf").toString(),
                "-g", "daemon off;").redirectErrorStream(true).redirectOutput(dir.resolve("logs/nginx.out").toFile())
                .start();
        client = HttpClient.newBuilder().sslContext(trusting(dir.resolve("cert.pem")))
                .connectTimeout(Duration.ofSeconds(5)).build();
        long until = System.nanoTime() + TimeUnit.SECONDS.toNanos(20);
        while (!answers()) {
            assertThat(nginx.isAlive()).as("nginx running; see " + dir.resolve("logs/nginx.out")).isTrue();
            assertThat(System.nanoTime()).as("nginx answering within 20 s").isLessThan(until);
            Thread.sleep(100);
        }
    }

    private static boolean answers() {
        try {
            return get("/index.html").statusCode() == 200;
        } catch (RuntimeException notYet) {
            return false;
        }
    }

    @AfterAll
    static void stop() throws InterruptedException {
        if (nginx != null) {
            nginx.destroy();
            if (!nginx.waitFor(10, TimeUnit.SECONDS)) nginx.destroyForcibly();
        }
    }

    @Test
    void everyAnswerOfTheEdgeCarriesTheSecurityHeadersStaticFilesErrorsAndTheApi() throws IOException {
        String asset;
        try (Stream<Path> files = Files.list(RepoLayout.spaDir().resolve("assets"))) {
            asset = files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".js")).findFirst().orElseThrow();
        }
        Map<String, Integer> answers = Map.of("/", 200, "/index.html", 200, "/assets/" + asset, 200,
                "/assets/missing.js", 404, "/missing.png", 404, "/clients/some/deep/link", 200, "/health", 200);
        answers.forEach((path, status) -> {
            HttpResponse<String> r = get(path);
            assertThat(r.statusCode()).as(path).isEqualTo(status);
            for (String header : SECURITY_HEADERS) {
                assertThat(r.headers().allValues(header)).as(header + " on " + path).isNotEmpty();
            }
            assertThat(r.headers().firstValue("content-security-policy").orElseThrow()).as(path)
                    .contains("object-src 'none'", "base-uri 'none'", "form-action 'self'", "frame-ancestors 'none'");
        });
        assertThat(get("/assets/" + asset).headers().firstValue("cache-control").orElseThrow()).contains("max-age=31536000");
    }

    @Test
    void plainHttpIsSentToHttps() throws Exception {
        HttpResponse<String> r = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + httpPort + "/clients")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(r.statusCode()).isEqualTo(301);
        assertThat(r.headers().firstValue("location").orElseThrow()).startsWith("https://");
    }

    @Test
    void onlyTls12And13WithForwardSecretAeadSuitesAreSpoken() throws Exception {
        assertThat(handshake("-tls1_3")).contains("New, TLSv1.3, Cipher is TLS_");
        assertThat(handshake("-tls1_2", "-cipher", "ECDHE-RSA-AES128-GCM-SHA256"))
                .contains("New, TLSv1.2, Cipher is ECDHE-RSA-AES128-GCM-SHA256");

        // the client offers each of these; the server answers with an alert
        assertThat(handshake("-tls1_1", "-cipher", "DEFAULT:@SECLEVEL=0")).contains("alert protocol version");
        assertThat(handshake("-tls1", "-cipher", "DEFAULT:@SECLEVEL=0")).contains("alert protocol version");
        for (String weak : List.of("ECDHE-RSA-AES128-SHA256", "ECDHE-RSA-AES256-SHA", "AES128-GCM-SHA256",
                "AES256-SHA256")) {
            assertThat(handshake("-tls1_2", "-cipher", weak + ":@SECLEVEL=0")).as(weak).contains("alert handshake failure");
        }
    }

    private static HttpResponse<String> get(String path) {
        try {
            return client.send(HttpRequest.newBuilder(URI.create("https://localhost:" + httpsPort + path))
                    .timeout(Duration.ofSeconds(10)).build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String handshake(String... options) throws IOException, InterruptedException {
        List<String> command = new java.util.ArrayList<>(List.of("openssl", "s_client", "-connect",
                "127.0.0.1:" + httpsPort, "-servername", "localhost"));
        command.addAll(List.of(options));
        return run(command);
    }

    private static String run(List<String> command) throws IOException, InterruptedException {
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        process.getOutputStream().close();
        byte[] output;
        try (InputStream in = process.getInputStream()) {
            output = in.readAllBytes();
        }
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).as(String.join(" ", command)).isTrue();
        return new String(output, StandardCharsets.UTF_8);
    }

    private static SSLContext trusting(Path certificate) throws Exception {
        KeyStore trusted = KeyStore.getInstance(KeyStore.getDefaultType());
        trusted.load(null, null);
        try (InputStream in = Files.newInputStream(certificate)) {
            trusted.setCertificateEntry("edge", CertificateFactory.getInstance("X.509").generateCertificate(in));
        }
        TrustManagerFactory trust = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        trust.init(trusted);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, trust.getTrustManagers(), null);
        return context;
    }
}
