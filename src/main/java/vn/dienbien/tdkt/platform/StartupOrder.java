package vn.dienbien.tdkt.platform;

/** The order in which start-up runners prepare the application. */
public final class StartupOrder {

    /** Diagrams and forms are deployed first: opening a campaign starts processes. */
    public static final int DEPLOY_WORKFLOWS = 10;
    /** The organization registry is loaded from its data file. */
    public static final int SEED_REGISTRY = 20;
    /** Camunda users, groups, authorizations and filters follow the registry. */
    public static final int PROVISION_IDENTITY = 30;
    /** Demo data comes last. */
    public static final int DEMO_DATA = 40;
    /** Cases recorded before the ledger existed are sealed as they are, once. */
    public static final int SEAL_EARLIER_CASES = 50;

    private StartupOrder() {
    }
}
