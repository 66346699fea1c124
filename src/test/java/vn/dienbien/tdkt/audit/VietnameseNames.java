package vn.dienbien.tdkt.audit;

/**
 * Họ tên người được đề nghị for the benchmark's copies: Kinh and the province's peoples' (Thái, Mông,
 * Khơ Mú …) family, middle and given names, combined so that neighbouring numbers differ.
 */
final class VietnameseNames {

    private static final String[] FAMILY = {"Nguyễn", "Trần", "Lê", "Phạm", "Hoàng", "Vũ", "Đặng", "Bùi", "Đỗ",
        "Lò", "Quàng", "Cà", "Lường", "Tòng", "Điêu", "Bạc", "Vì", "Giàng", "Sùng", "Vàng", "Mùa", "Thào", "Lầu",
        "Hờ", "Lý", "Chảo", "Tẩn", "Lý", "Đinh", "Hà"};
    private static final String[] MALE_MIDDLE = {"Văn", "Đức", "Minh", "A", "Xuân", "Quang", "Hữu", "Công"};
    private static final String[] FEMALE_MIDDLE = {"Thị", "Thị Thu", "Thị Ngọc", "Thị Thanh", "Thị Minh"};
    private static final String[] MALE = {"An", "Bình", "Cường", "Dũng", "Hải", "Hùng", "Khoa", "Long", "Nam",
        "Páo", "Chính", "Sinh", "Tú", "Thắng", "Tuấn", "Vinh", "Dế", "Pó", "Súa", "Chía", "Lả", "Sơn", "Trung"};
    private static final String[] FEMALE = {"Hoa", "Lan", "Mai", "Dung", "Oanh", "Xuân", "Hằng", "Huyền", "Mỷ",
        "Ngọc", "Phương", "Thảo", "Trang", "Yến", "Chi", "Dợ", "Sua", "Pằng", "Nhung", "Hương", "Tâm"};

    private VietnameseNames() {
    }

    /** The name numbered {@code i}; female for odd numbers. */
    static String of(int i) {
        int h = Math.floorMod(i * 2_654_435_761L, Integer.MAX_VALUE) >>> 1;
        String family = FAMILY[Math.floorMod(h, FAMILY.length)];
        if (i % 2 == 1) {
            return family + " " + FEMALE_MIDDLE[Math.floorMod(h / 7, FEMALE_MIDDLE.length)] + " "
                    + FEMALE[Math.floorMod(h / 131, FEMALE.length)];
        }
        return family + " " + MALE_MIDDLE[Math.floorMod(h / 7, MALE_MIDDLE.length)] + " "
                + MALE[Math.floorMod(h / 131, MALE.length)];
    }
}
