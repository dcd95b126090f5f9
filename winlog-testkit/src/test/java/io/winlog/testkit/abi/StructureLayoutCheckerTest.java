package io.winlog.testkit.abi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.jna.NativeLong;
import com.sun.jna.Pointer;
import com.sun.jna.Structure;
import com.sun.jna.Union;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The harness against the real ABI table (correct structures pass) and against deliberately
 * wrong structures (each mistake is caught, with a message naming it).
 */
class StructureLayoutCheckerTest {

    // ---- correct bindings of real structs -------------------------------------------------

    /** GUID: DWORD, WORD, WORD, BYTE[8]. */
    @Structure.FieldOrder({"Data1", "Data2", "Data3", "Data4"})
    public static class Guid extends Structure {
        public static final String NATIVE_NAME = "GUID";
        public int Data1;
        public short Data2;
        public short Data3;
        public byte[] Data4 = new byte[8];
    }

    /** SID_AND_ATTRIBUTES: PSID then DWORD; 16 bytes on x64, 8 on x86. */
    @Structure.FieldOrder({"Sid", "Attributes"})
    public static class SidAndAttributes extends Structure {
        public static final String NATIVE_NAME = "SID_AND_ATTRIBUTES";
        public Pointer Sid;
        public int Attributes;
    }

    /** EVENT_DESCRIPTOR: a ULONGLONG at 8 makes it 8-aligned on x86 too. */
    @Structure.FieldOrder({"Id", "Version", "Channel", "Level", "Opcode", "Task", "Keyword"})
    public static class EventDescriptor extends Structure {
        public static final String NATIVE_NAME = "EVENT_DESCRIPTOR";
        public short Id;
        public byte Version;
        public byte Channel;
        public byte Level;
        public byte Opcode;
        public short Task;
        public long Keyword;
    }

    /** The anonymous struct inside EVENT_DATA_DESCRIPTOR's union. */
    @Structure.FieldOrder({"Type", "Reserved1", "Reserved2"})
    public static class TypeParts extends Structure {
        public byte Type;
        public byte Reserved1;
        public short Reserved2;
    }

    /** The anonymous union of EVENT_DATA_DESCRIPTOR. */
    public static class ReservedUnion extends Union {
        public int Reserved;
        public TypeParts DUMMYSTRUCTNAME;
    }

    /** EVENT_DATA_DESCRIPTOR: ULONGLONG Ptr (64-bit on x86 too), ULONG Size, anonymous union. */
    @Structure.FieldOrder({"Ptr", "Size", "DUMMYUNIONNAME"})
    public static class EventDataDescriptor extends Structure {
        public static final String NATIVE_NAME = "EVENT_DATA_DESCRIPTOR";
        public long Ptr;
        public int Size;
        public ReservedUnion DUMMYUNIONNAME;
    }

    @Test
    void correctBindingsOfRealStructsPass() {
        StructureLayoutChecker checker = new StructureLayoutChecker(WinLayouts.load());
        checker.assertLayouts(List.of(Guid.class, SidAndAttributes.class, EventDescriptor.class));
        assertThat(checker.check(EventDataDescriptor.class)).isEmpty();
    }

    @Test
    void x86CalculatorFollowsMsvcRules() {
        ComputedLayout sid = LayoutCalculator.x86(new SidAndAttributes(), java.util.Set.of());
        assertThat(sid.size()).isEqualTo(8);
        assertThat(sid.members()).extracting(ComputedLayout.Member::offset).containsExactly(0, 4);
        ComputedLayout ed = LayoutCalculator.x86(new EventDescriptor(), java.util.Set.of());
        assertThat(ed.size()).isEqualTo(16);
        assertThat(ed.align()).isEqualTo(8);
    }

    // ---- deliberately wrong bindings -------------------------------------------------------

    /** A NativeLong where Windows has a 4-byte ULONG. */
    @Structure.FieldOrder({"Sid", "Attributes"})
    public static class NativeLongAttributes extends Structure {
        public static final String NATIVE_NAME = "SID_AND_ATTRIBUTES";
        public Pointer Sid;
        public NativeLong Attributes;
    }

    /** Members swapped. */
    @Structure.FieldOrder({"Attributes", "Sid"})
    public static class WrongOrder extends Structure {
        public static final String NATIVE_NAME = "SID_AND_ATTRIBUTES";
        public int Attributes;
        public Pointer Sid;
    }

    /** The pointer declared as a Java long: right on x64, wrong on x86 (only the x86 rule sees it). */
    @Structure.FieldOrder({"Sid", "Attributes"})
    public static class PointerAsLong extends Structure {
        public static final String NATIVE_NAME = "SID_AND_ATTRIBUTES";
        public long Sid;
        public int Attributes;
    }

    /** EVENT_DESCRIPTOR with Keyword split into two ints: the 8-byte alignment padding is lost on x86. */
    @Structure.FieldOrder({"Id", "Version", "Channel", "Level", "Opcode", "Task", "KeywordLow", "KeywordHigh"})
    public static class SplitKeyword extends Structure {
        public static final String NATIVE_NAME = "EVENT_DESCRIPTOR";
        public short Id;
        public byte Version;
        public byte Channel;
        public byte Level;
        public byte Opcode;
        public short Task;
        public int KeywordLow;
        public int KeywordHigh;
    }

    /** Windows BOOLEAN as Java boolean, WCHAR as Java char. */
    @Structure.FieldOrder({"flag", "letter"})
    public static class HostTypes extends Structure {
        public static final String NATIVE_NAME = "GUID";
        public boolean flag;
        public char letter;
    }

    /** A member left out. */
    @Structure.FieldOrder({"Data1", "Data3", "Data4"})
    public static class MissingMember extends Structure {
        public static final String NATIVE_NAME = "GUID";
        public int Data1;
        public short Data3;
        public byte[] Data4 = new byte[8];
    }

    /** No NATIVE_NAME: a scan must not skip it silently. */
    @Structure.FieldOrder({"a"})
    public static class Unnamed extends Structure {
        public int a;
    }

    @Test
    void catchesNativeLong() {
        List<LayoutProblem> p = new StructureLayoutChecker(WinLayouts.load()).check(NativeLongAttributes.class);
        assertThat(p).anySatisfy(x -> assertThat(x.message()).contains("NativeLong"));
    }

    @Test
    void catchesWrongOrderOnBothArchitectures() {
        List<LayoutProblem> p = new StructureLayoutChecker(WinLayouts.load()).check(WrongOrder.class);
        assertThat(p).anySatisfy(x -> assertThat(x.toString()).contains("[x64] Sid: expected offset 0"));
        assertThat(p).anySatisfy(x -> assertThat(x.toString()).contains("[x86] Sid: expected offset 0"));
    }

    @Test
    void catchesPointerDeclaredAsLongOnlyOnX86() {
        List<LayoutProblem> p = new StructureLayoutChecker(WinLayouts.load()).check(PointerAsLong.class);
        assertThat(p).isNotEmpty().allSatisfy(x -> assertThat(x.arch()).isEqualTo("x86"));
        assertThat(p).anySatisfy(x -> assertThat(x.message()).contains("expected 8 bytes, Java layout gives 16"));
    }

    @Test
    void catchesMissingPaddingAndRenamedMembers() {
        List<LayoutProblem> p = new StructureLayoutChecker(WinLayouts.load()).check(SplitKeyword.class);
        assertThat(p).anySatisfy(x -> assertThat(x.toString()).contains("KeywordLow: no such member"));
        assertThat(p).anySatisfy(x -> assertThat(x.toString()).contains("Keyword: C member at offset 8 is missing"));
    }

    @Test
    void catchesMissingPaddingWithASyntheticTable() {
        // C: struct { DWORD a; ULONGLONG b; } -> b at 8 on x86 and x64 (MSVC), size 16.
        WinLayouts t = WinLayouts.parse("""
                {"x64": {"PAIR": {"size": 16, "align": 8, "fields": {"a": 0, "b": 8}, "field_sizes": {"a": 4, "b": 8}}},
                 "x86": {"PAIR": {"size": 16, "align": 8, "fields": {"a": 0, "b": 8}, "field_sizes": {"a": 4, "b": 8}}}}
                """);
        assertThat(new StructureLayoutChecker(t).check(Pair.class, "PAIR")).isEmpty();
        List<LayoutProblem> p = new StructureLayoutChecker(t).check(PackedPair.class, "PAIR");
        assertThat(p).anySatisfy(x -> assertThat(x.toString()).contains("[x86] b: expected offset 8, Java layout gives 4"));
        assertThat(p).anySatisfy(x -> assertThat(x.toString()).contains("[x86] sizeof: expected 16 bytes, Java layout gives 12"));
    }

    @Structure.FieldOrder({"a", "b"})
    public static class Pair extends Structure {
        public int a;
        public long b;
    }

    /** What a System V i386 or packed layout would give: b at 4, as two ints. */
    @Structure.FieldOrder({"a", "b"})
    public static class PackedPair extends Structure {
        public int a;
        public int[] b = new int[2];

        public PackedPair() {
            super(ALIGN_NONE);
        }
    }

    @Test
    void catchesHostTypes() {
        List<LayoutProblem> p = new StructureLayoutChecker(WinLayouts.load()).check(HostTypes.class);
        assertThat(p).anySatisfy(x -> assertThat(x.message()).contains("boolean"));
        assertThat(p).anySatisfy(x -> assertThat(x.message()).contains("char"));
    }

    @Test
    void catchesMissingMember() {
        List<LayoutProblem> p = new StructureLayoutChecker(WinLayouts.load()).check(MissingMember.class);
        assertThat(p).anySatisfy(x -> assertThat(x.toString()).contains("Data2: C member at offset 4 is missing"));
    }

    @Test
    void structureWithoutNativeNameIsReported() {
        assertThat(new StructureLayoutChecker(WinLayouts.load()).check(Unnamed.class))
                .singleElement().satisfies(x -> assertThat(x.message()).contains("NATIVE_NAME"));
    }

    @Test
    void assertLayoutsFailsWithEveryProblemListed() {
        StructureLayoutChecker c = new StructureLayoutChecker(WinLayouts.load());
        assertThatThrownBy(() -> c.assertLayouts(List.of(Guid.class, WrongOrder.class, MissingMember.class)))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("WrongOrder").hasMessageContaining("MissingMember");
        assertThatThrownBy(() -> c.assertLayouts(List.of())).hasMessageContaining("nothing");
    }

    @Test
    void scannerFindsNestedStructuresOfThisTest() {
        List<Class<? extends Structure>> found = StructureScanner.find("io.winlog.testkit.abi");
        assertThat(found).contains(Guid.class, WrongOrder.class, EventDataDescriptor.class, ReservedUnion.class);
    }
}
