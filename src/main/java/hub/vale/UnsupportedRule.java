package hub.vale;

/** A rule the engine cannot run faithfully (e.g. {@code script}, {@code spelling}), reported when styles load. */
public record UnsupportedRule(String name, String type, ValeLevel level, String reason) {

    @Override
    public String toString() {
        return name + " (" + type + "): " + reason;
    }
}
