package vn.dienbien.tdkt;

import org.springframework.test.context.ActiveProfilesResolver;

/** "test", plus "postgres" when the suite runs against PostgreSQL. */
public class TestProfiles implements ActiveProfilesResolver {

    @Override
    public String[] resolve(Class<?> testClass) {
        return "postgres".equalsIgnoreCase(System.getenv("TDKT_TEST_DB"))
                ? new String[] {"test", "postgres"}
                : new String[] {"test"};
    }
}
