package vn.dienbien.tdkt.operations;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/**
 * The application's JVM options are written once in pom.xml ({@code app.jvm-options}) and must be the ones the
 * container starts with: a Dockerfile left behind would ship a JVM the benchmark never measured.
 */
class ApplicationJvmOptionsTest {

    @Test
    void theContainerStartsWithTheApplicationsJvmOptions() throws IOException {
        List<String> options = applicationJvmOptions();
        assertThat(options).as("app.jvm-options in pom.xml").isNotEmpty().allMatch(option -> option.startsWith("-XX:"));

        List<String> dockerfile = Files.readAllLines(Path.of("Dockerfile"));
        String entryPoint = dockerfile.stream().filter(line -> line.startsWith("ENTRYPOINT")).findFirst().orElseThrow();
        String training = dockerfile.stream().filter(line -> line.contains("-XX:ArchiveClassesAtExit"))
                .findFirst().orElseThrow();
        for (String option : options) {
            assertThat(entryPoint).as("the container's entry point").contains("\"" + option + "\"");
            assertThat(training).as("the class data sharing archive's training start").contains(option);
        }
    }

    @Test
    void springBootRunUsesTheApplicationsJvmOptions() throws IOException {
        String pom = Files.readString(Path.of("pom.xml"));
        Matcher plugin = Pattern.compile("<artifactId>spring-boot-maven-plugin</artifactId>\\s*<configuration>(.*?)"
                + "</configuration>", Pattern.DOTALL).matcher(pom);
        assertThat(plugin.find()).as("spring-boot-maven-plugin has a configuration").isTrue();
        assertThat(plugin.group(1)).contains("<jvmArguments>${app.jvm-options}</jvmArguments>");
    }

    private static List<String> applicationJvmOptions() throws IOException {
        Matcher property = Pattern.compile("<app.jvm-options>([^<]*)</app.jvm-options>")
                .matcher(Files.readString(Path.of("pom.xml")));
        assertThat(property.find()).as("pom.xml defines app.jvm-options").isTrue();
        return List.of(property.group(1).trim().split("\\s+")).stream().filter(option -> !option.isEmpty()).toList();
    }
}
