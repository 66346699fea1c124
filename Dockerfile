# The application image: built from source with the Maven wrapper, run on a JRE.
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
WORKDIR /app
COPY --from=build /src/target/tdkt-workflow-*.jar /app/tdkt-workflow.jar
EXPOSE 8080
ENTRYPOINT ["java", "-jar", "/app/tdkt-workflow.jar"]
