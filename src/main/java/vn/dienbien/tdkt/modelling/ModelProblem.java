package vn.dienbien.tdkt.modelling;

/**
 * One reason a deployment is refused: the file, the element (id and name, either may be null for the
 * file as a whole) and what is wrong, in Vietnamese.
 */
public record ModelProblem(String resource, String elementId, String elementName, String problem) {

    /** The line shown to the administrator: file, element id «name»: problem. */
    public String describe() {
        StringBuilder line = new StringBuilder(resource);
        if (elementId != null) {
            line.append(", phần tử ").append(elementId);
            if (elementName != null && !elementName.isBlank()) {
                line.append(" «").append(elementName.strip().replaceAll("\\s+", " ")).append("»");
            }
        }
        return line.append(": ").append(problem).toString();
    }
}
