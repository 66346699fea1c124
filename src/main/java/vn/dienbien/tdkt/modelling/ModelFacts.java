package vn.dienbien.tdkt.modelling;

import java.util.Set;

/**
 * What a diagram may refer to outside itself: the application's beans, the groups of the registry,
 * the forms and decisions already deployed and the forms the application serves. The engine plugin
 * answers from the running application; a test may answer from anything.
 */
public interface ModelFacts {

    /** Names of the Spring beans expressions can reach. */
    Set<String> beanNames();

    /** The type of a bean, or null when it cannot be told without creating it. */
    Class<?> beanType(String name);

    /** A Camunda group or a group of the organization registry (role or unit). */
    boolean isGroup(String groupId);

    /** A Camunda Form with this id is already deployed. */
    boolean isDeployedForm(String formId);

    /** A DMN decision with this key is already deployed. */
    boolean isDeployedDecision(String decisionKey);

    /** The application serves a file at this path ({@code /forms/x.html}), as {@code embedded:/...} needs. */
    boolean isServed(String path);
}
