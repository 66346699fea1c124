package vn.dienbien.tdkt.platform;

/** Keys of the process definitions that code refers to. */
public final class WorkflowKeys {

    /** Gửi kế hoạch phát động thi đua. */
    public static final String LAUNCH_PLAN = "launch-plan";

    private WorkflowKeys() {
    }
}
