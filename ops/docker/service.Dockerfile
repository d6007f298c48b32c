# One image recipe for the three services. Build the jars first (mvn -B -ntp -DskipTests package from the
# repository root), then: docker compose build. SERVICE = command-side | query-side | api-gateway,
# PORT = the port it listens on (WPM_<SIDE>_PORT inside the container).
FROM eclipse-temurin:17-jre
ARG SERVICE
ARG PORT

RUN groupadd --system webprometrics \
 && useradd --system --gid webprometrics --home-dir /app --shell /usr/sbin/nologin webprometrics \
 && mkdir -p /app /var/lib/webprometrics \
 && chown webprometrics:webprometrics /var/lib/webprometrics
WORKDIR /app
COPY ${SERVICE}/target/${SERVICE}.jar /app/service.jar

ENV SERVICE_PORT=${PORT} \
    WPM_DATA_DIR=/var/lib/webprometrics \
    JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75 -XX:+ExitOnOutOfMemoryError"
USER webprometrics
EXPOSE ${PORT}
# bash's /dev/tcp: no curl needed in the image. The gateway answers /health, the services /actuator/health.
HEALTHCHECK --interval=10s --timeout=5s --start-period=60s --retries=5 \
  CMD ["bash", "-c", "exec 3<>/dev/tcp/127.0.0.1/${SERVICE_PORT} && printf 'GET /actuator/health HTTP/1.0\\r\\nHost: localhost\\r\\n\\r\\n' >&3 && grep -q '\"status\":\"UP\"' <&3"]
ENTRYPOINT ["java", "-jar", "/app/service.jar"]
