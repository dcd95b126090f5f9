package io.winlog.testkit.abi;

/**
 * One disagreement between a JNA binding and the ABI table.
 *
 * @param type    the Java type (Structure, library interface or constants holder)
 * @param arch    "x64", "x86" or "any"
 * @param subject the member, constant or function concerned
 * @param message what differs, with both values
 */
public record LayoutProblem(String type, String arch, String subject, String message) {
    @Override
    public String toString() {
        return type + " [" + arch + "] " + subject + ": " + message;
    }
}
