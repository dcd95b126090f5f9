package io.winlog.testkit.abi;

import java.util.Map;

/**
 * One struct's layout as the ABI table records it.
 *
 * @param name       the C name, e.g. {@code EVENTLOGRECORD}
 * @param size       {@code sizeof}
 * @param align      alignment
 * @param fields     C access path ({@code "Member"}, {@code "Named.Sub"}, bare names for members
 *                   of anonymous unions) to offset
 * @param fieldSizes C access path to {@code sizeof(member)}
 * @param anonymous  anonymous union/struct name ({@code DUMMYUNIONNAME}) to its placement
 */
public record StructLayout(String name, int size, int align, Map<String, Integer> fields,
                           Map<String, Integer> fieldSizes, Map<String, Anonymous> anonymous) {
    /** Placement of an anonymous union or struct inside its parent. */
    public record Anonymous(String kind, int offset, int size) {
    }
}
