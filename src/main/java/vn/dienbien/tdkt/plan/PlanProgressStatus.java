package vn.dienbien.tdkt.plan;

/** A unit's launch-plan status as the progress board shows it. */
public enum PlanProgressStatus {
    NOT_SENT("chưa gửi"),
    SENT_ON_TIME("gửi đúng hạn"),
    SENT_LATE("gửi muộn"),
    RETURNED("bị trả lại"),
    ACCEPTED("đã tiếp nhận");

    private final String label;

    PlanProgressStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    static PlanProgressStatus of(LaunchPlan plan) {
        return switch (plan.getStatus()) {
            case NOT_SENT -> NOT_SENT;
            case SENT -> Boolean.TRUE.equals(plan.getOnTime()) ? SENT_ON_TIME : SENT_LATE;
            case RETURNED -> RETURNED;
            case ACCEPTED -> ACCEPTED;
        };
    }
}
