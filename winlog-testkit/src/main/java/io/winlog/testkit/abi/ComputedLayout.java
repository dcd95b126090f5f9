package io.winlog.testkit.abi;

import java.util.List;

/**
 * A layout computed from a JNA {@code Structure}: its size and alignment and, for every member
 * (nested ones flattened to C access paths), its offset and size.
 *
 * @param size    total size in bytes
 * @param align   alignment in bytes
 * @param members members in declaration order, nested members after their parent
 */
public record ComputedLayout(int size, int align, List<Member> members) {
    /**
     * One member.
     *
     * @param path      C access path ({@code "Class.Type"}; members of anonymous unions bare)
     * @param javaField the Java field path that produced it ({@code "DUMMYUNIONNAME.Class.Type"})
     * @param offset    offset from the start of the outermost struct
     * @param size      size in bytes
     * @param anonymous true when this member stands for an anonymous union/struct of the C type
     */
    public record Member(String path, String javaField, int offset, int size, boolean anonymous) {
    }
}
