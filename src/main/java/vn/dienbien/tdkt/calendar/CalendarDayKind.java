package vn.dienbien.tdkt.calendar;

/** What a day recorded in the working-day calendar is. */
public enum CalendarDayKind {
    /** Ngày nghỉ lễ, Tết. */
    HOLIDAY("Ngày lễ, Tết"),
    /** Ngày nghỉ bù (or a day off swapped for a working Saturday). */
    COMPENSATORY_DAY_OFF("Ngày nghỉ bù"),
    /** Thứ Bảy làm bù: a working day. */
    WORKING_SATURDAY("Thứ Bảy làm bù");

    private final String label;

    CalendarDayKind(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    boolean isDayOff() {
        return this != WORKING_SATURDAY;
    }
}
