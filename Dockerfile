# The application image: built from source with the Maven wrapper, run on a JRE as a non-root user.
FROM eclipse-temurin:17-jdk AS build
WORKDIR /src
COPY .mvn .mvn
COPY mvnw pom.xml ./
RUN ./mvnw -B -ntp -q dependency:go-offline
COPY src src
COPY bpmn bpmn
COPY forms forms
RUN ./mvnw -B -ntp -q -DskipTests package
# Spring Boot's extracted layout (the application's jar and lib/ beside it): the JVM can map a class data sharing
# archive of these classes at start-up, which a nested fat jar does not allow (issue 12: start-up ≤ 15 s).
RUN cp target/tdkt-workflow-*.jar /src/tdkt-workflow.jar \
    && java -Djarmode=tools -jar /src/tdkt-workflow.jar extract --destination /src/run

FROM eclipse-temurin:17-jre
# The application runs as "tdkt" (uid 10001), never as root: it owns only /app (the jar, and ./data for the
# embedded H2 database of a first run); everything else in the image is read-only to it.
RUN groupadd --system --gid 10001 tdkt \
    && useradd --system --uid 10001 --gid tdkt --home-dir /app --no-create-home --shell /usr/sbin/nologin tdkt \
    && mkdir -p /app/data \
    && chown -R tdkt:tdkt /app
WORKDIR /app
COPY --from=build --chown=tdkt:tdkt /src/run /app
USER 10001:10001
# The class data sharing archive: one training start on an in-memory database that stops once the application
# context is up (spring.context.exit=onRefresh: the engine, JPA and the web layer are loaded, nothing is seeded)
# and writes the classes it loaded to app.jsa. Made here, with the JRE the image runs, because an archive only
# maps into the very JVM that wrote it (another one ignores it and starts as before). About a third less start-up.
RUN java -XX:+UseParallelGC -XX:ArchiveClassesAtExit=/app/app.jsa -Dspring.context.exit=onRefresh -jar /app/tdkt-workflow.jar \
        --spring.datasource.url=jdbc:h2:mem:cds-training --spring.datasource.hikari.connection-timeout=30000 \
        --logging.level.root=warn \
    && test -s /app/app.jsa && rm -rf /app/data/*
ENV TZ=Asia/Ho_Chi_Minh
EXPOSE 8080
# -XX:+UseParallelGC: the application's JVM options (pom.xml, app.jvm-options), also in the training start above.
ENTRYPOINT ["java", "-XX:+UseParallelGC", "-XX:SharedArchiveFile=/app/app.jsa", "-jar", "/app/tdkt-workflow.jar"]
