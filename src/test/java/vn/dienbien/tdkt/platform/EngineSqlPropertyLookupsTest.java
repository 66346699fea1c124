package vn.dienbien.tdkt.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.lang.reflect.AccessibleObject;
import java.lang.reflect.Member;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import org.apache.ibatis.mapping.SqlSource;
import org.apache.ibatis.ognl.MemberAccess;
import org.apache.ibatis.ognl.ObjectPropertyAccessor;
import org.apache.ibatis.ognl.Ognl;
import org.apache.ibatis.ognl.OgnlContext;
import org.apache.ibatis.ognl.OgnlException;
import org.apache.ibatis.ognl.OgnlRuntime;
import org.apache.ibatis.ognl.PropertyAccessor;
import org.apache.ibatis.scripting.xmltags.XMLLanguageDriver;
import org.apache.ibatis.session.Configuration;
import org.camunda.bpm.engine.impl.db.AuthorizationCheck;
import org.camunda.bpm.engine.impl.db.ListQueryParameterObject;
import org.camunda.bpm.engine.impl.db.PermissionCheck;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The remembered read methods give every property OGNL's own answer, in the engine's SQL too. */
class EngineSqlPropertyLookupsTest {

    /** Getters of every kind OGNL looks for, a method named as its property, a field, and a property that is not. */
    static class Sample {
        private final String hidden = "field-only";

        public String getName() {
            return "tên";
        }

        public boolean isActive() {
            return true;
        }

        public boolean isArchived() {
            return false;
        }

        public int size() {
            return 7;
        }

        public String failing() {
            throw new IllegalStateException("hỏng");
        }
    }

    @BeforeAll
    static void installed() {
        new EngineSqlPropertyLookups().preInit(null);
    }

    @Test
    void isRegisteredForPlainObjectsButNotForMapsAndLists() throws OgnlException {
        assertThat(OgnlRuntime.getPropertyAccessor(Sample.class)).isSameAs(EngineSqlPropertyLookups.Accessor.INSTANCE);
        assertThat(OgnlRuntime.getPropertyAccessor(AuthorizationCheck.class))
                .isSameAs(EngineSqlPropertyLookups.Accessor.INSTANCE);
        assertThat(OgnlRuntime.getPropertyAccessor(java.util.HashMap.class))
                .isNotSameAs(EngineSqlPropertyLookups.Accessor.INSTANCE);
        assertThat(OgnlRuntime.getPropertyAccessor(java.util.ArrayList.class))
                .isNotSameAs(EngineSqlPropertyLookups.Accessor.INSTANCE);
    }

    @Test
    void everyPropertyReadsAsOgnlReadsItAndAgainFromWhatItRemembers() throws Exception {
        Sample sample = new Sample();
        ObjectPropertyAccessor ognl = new ObjectPropertyAccessor();
        for (String name : List.of("name", "active", "isActive", "archived", "isArchived", "size", "hidden", "nothing",
                "failing")) {
            for (int round = 0; round < 2; round++) {
                assertThat(outcome(() -> EngineSqlPropertyLookups.Accessor.INSTANCE.getPossibleProperty(context(sample),
                        sample, name))).as(name).isEqualTo(outcome(() -> ognl.getPossibleProperty(context(sample), sample,
                                name)));
            }
        }
        assertThat(EngineSqlPropertyLookups.Accessor.INSTANCE.getPossibleProperty(context(sample), sample, "isActive"))
                .isEqualTo(true);
        assertThat(EngineSqlPropertyLookups.Accessor.INSTANCE.getPossibleProperty(context(sample), sample, "isArchived"))
                .isEqualTo(false);
        assertThat(EngineSqlPropertyLookups.Accessor.INSTANCE.getPossibleProperty(context(sample), sample, "size"))
                .isEqualTo(7);
        assertThat(EngineSqlPropertyLookups.Accessor.INSTANCE.getPossibleProperty(context(sample), sample, "nothing"))
                .isSameAs(OgnlRuntime.NotFound);
        // OGNL's search by name ran once: the same method object comes back, the one OGNL finds.
        assertThat(EngineSqlPropertyLookups.Accessor.INSTANCE.readMethod(Sample.class, "isArchived"))
                .isSameAs(EngineSqlPropertyLookups.Accessor.INSTANCE.readMethod(Sample.class, "isArchived"))
                .isEqualTo(OgnlRuntime.getReadMethod(Sample.class, "isArchived", null));
    }

    @Test
    void aFailingGetterFailsAsInOgnl() {
        Sample sample = new Sample();
        assertThatThrownBy(() -> new ObjectPropertyAccessor().getPossibleProperty(context(sample), sample, "failing"))
                .isInstanceOf(OgnlException.class).hasRootCauseMessage("hỏng");
        assertThatThrownBy(() -> EngineSqlPropertyLookups.Accessor.INSTANCE.getPossibleProperty(context(sample), sample,
                "failing")).isInstanceOf(OgnlException.class).hasRootCauseMessage("hỏng");
    }

    @Test
    void theEnginesAuthorizationConditionsBuildTheSameSqlAsWithOgnlsOwnAccessor() throws OgnlException {
        // As the engine's mappings write them: properties found by their getters and one only by OGNL's search.
        String script = "<script>select 1 <if test=\"authCheck.shouldPerformAuthorizatioCheck\">and A</if>"
                + " <if test=\"authCheck.isHistoricInstancePermissionsEnabled\">and H</if>"
                + " <if test=\"authCheck.revokeAuthorizationCheckEnabled\">and R</if>"
                + " <if test=\"authCheck.authUserId != null\">and U = #{authCheck.authUserId}</if></script>";
        SqlSource sql = new XMLLanguageDriver().createSqlSource(new Configuration(), script, ListQueryParameterObject.class);
        List<String> seen = new ArrayList<>();
        for (int bits = 0; bits < 16; bits++) {
            ListQueryParameterObject parameter = parameter(bits);
            String ours = bound(sql, parameter);
            PropertyAccessor plain = new ObjectPropertyAccessor();
            OgnlRuntime.setPropertyAccessor(AuthorizationCheck.class, plain);
            OgnlRuntime.setPropertyAccessor(ListQueryParameterObject.class, plain);
            try {
                assertThat(ours).as("case %s", bits).isEqualTo(bound(sql, parameter));
            } finally {
                OgnlRuntime.setPropertyAccessor(AuthorizationCheck.class, EngineSqlPropertyLookups.Accessor.INSTANCE);
                OgnlRuntime.setPropertyAccessor(ListQueryParameterObject.class, EngineSqlPropertyLookups.Accessor.INSTANCE);
            }
            seen.add(ours);
        }
        assertThat(seen).contains("select 1", "select 1 and A and H and R and U = ?", "select 1 and H", "select 1 and A");
    }

    private static ListQueryParameterObject parameter(int bits) {
        AuthorizationCheck check = new AuthorizationCheck();
        check.setAuthorizationCheckEnabled((bits & 1) != 0);
        if ((bits & 1) != 0) {
            check.addAtomicPermissionCheck(new PermissionCheck());
        }
        check.setHistoricInstancePermissionsEnabled((bits & 2) != 0);
        check.setRevokeAuthorizationCheckEnabled((bits & 4) != 0);
        check.setAuthUserId((bits & 8) != 0 ? "demo" : null);
        ListQueryParameterObject parameter = new ListQueryParameterObject();
        parameter.setAuthCheck(check);
        return parameter;
    }

    private static String bound(SqlSource sql, Object parameter) {
        return sql.getBoundSql(parameter).getSql().replaceAll("\\s+", " ").trim();
    }

    /** A value, NotFound, or the failure's kind and root message. */
    private static Object outcome(Callable<Object> read) {
        try {
            Object value = read.call();
            return value == OgnlRuntime.NotFound ? "NotFound" : value;
        } catch (Exception e) {
            Throwable root = e;
            while (root.getCause() != null) {
                root = root.getCause();
            }
            return e.getClass().getSimpleName() + ": " + root.getClass().getSimpleName() + ": " + root.getMessage();
        }
    }

    private static OgnlContext context(Object root) {
        return Ognl.createDefaultContext(root, new OpenMembers());
    }

    /** As MyBatis's member access: every member may be read. */
    private static final class OpenMembers implements MemberAccess {
        @Override
        public Object setup(OgnlContext context, Object target, Member member, String propertyName) {
            if (member instanceof AccessibleObject accessible && !accessible.canAccess(
                    java.lang.reflect.Modifier.isStatic(member.getModifiers()) ? null : target)) {
                accessible.setAccessible(true);
                return Boolean.TRUE;
            }
            return null;
        }

        @Override
        public void restore(OgnlContext context, Object target, Member member, String propertyName, Object state) {
        }

        @Override
        public boolean isAccessible(OgnlContext context, Object target, Member member, String propertyName) {
            return true;
        }
    }
}
