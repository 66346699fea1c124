package vn.dienbien.tdkt.modelling;

import java.util.List;

/** Reading a diagram's markup in tests that must not care how the diagram is drawn today. */
public final class DiagramText {

    private DiagramText() {
    }

    /** Id and name of each BPMN element whose markup holds the text (the element itself or its listener). */
    public static List<String[]> holders(String xml, String text) {
        List<String[]> holders = new java.util.ArrayList<>();
        var opening = java.util.regex.Pattern.compile("<bpmn:\\w+ id=\"([^\"]+)\"\\s+name=\"([^\"]*)\"");
        for (int at = xml.indexOf(text); at >= 0; at = xml.indexOf(text, at + 1)) {
            var matcher = opening.matcher(xml.substring(0, at));
            String[] last = null;
            while (matcher.find()) {
                last = new String[] {matcher.group(1), matcher.group(2)};
            }
            holders.add(last);
        }
        return holders;
    }
}
