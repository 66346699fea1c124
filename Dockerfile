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

FROM eclipse-temurin:17-jre
# The application runs as "tdkt" (uid 10001), never as root: it owns only /app (the jar, and ./data for the
# embedded H2 database of a first run); everything else in the image is read-only to it.
RUN groupadd --system --gid 10001 tdkt \
    && useradd --system --uid 10001 --gid tdkt --home-dir /app --no-create-home --shell /usr/sbin/nologin tdkt \
    && mkdir -p /app/data \
    && chown -R tdkt:tdkt /app
WORKDIR /app
COPY --from=build --chown=tdkt:tdkt /src/target/tdkt-workflow-*.jar /app/tdkt-workflow.jar
USER 10001:10001
ENV TZ=Asia/Ho_Chi_Minh
EXPOSE 8080
ENTRYPOINT ["java", "-jar", "/app/tdkt-workflow.jar"]
