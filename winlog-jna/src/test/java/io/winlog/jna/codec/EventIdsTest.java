package io.winlog.jna.codec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.winlog.api.EventType;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class EventIdsTest {
    @Test
    void composesLikeMc() {
        // mc: MessageId=0x4 Severity=Error Facility=System(0xFF) -> 0xC0FF0004
        long id = EventIds.compose(EventIds.Severity.ERROR, false, 0xFF, 4);
        assertThat(id).isEqualTo(0xC0FF0004L);
        assertThat(EventIds.toDword(id)).isEqualTo(0xC0FF0004);
        assertThat(EventIds.code(id)).isEqualTo(4);
        assertThat(EventIds.qualifiers(id)).isEqualTo(0xC0FF);
        assertThat(EventIds.compose(EventIds.Severity.INFORMATIONAL, true, 0, 7035)).isEqualTo(0x60001B7BL);
    }

    @Test
    void rejectsOutOfRange() {
        assertThatThrownBy(() -> EventIds.compose(EventIds.Severity.SUCCESS, false, 4096, 1)).hasMessageContaining("facility");
        assertThatThrownBy(() -> EventIds.toDword(1L << 32)).hasMessageContaining("0xFFFFFFFF");
        assertThat(EventIds.conventionalSeverity(EventType.WARNING)).isEqualTo(EventIds.Severity.WARNING);
    }

    @Property(tries = 300)
    void decomposeInvertsCompose(@ForAll @IntRange(max = 3) int sev, @ForAll boolean customer,
                                 @ForAll @IntRange(max = 4095) int facility, @ForAll @IntRange(max = 65535) int code) {
        long id = EventIds.compose(EventIds.Severity.values()[sev], customer, facility, code);
        assertThat(EventIds.severity(id).bits()).isEqualTo(sev);
        assertThat(EventIds.isCustomer(id)).isEqualTo(customer);
        assertThat(EventIds.facility(id)).isEqualTo(facility);
        assertThat(EventIds.code(id)).isEqualTo(code);
        assertThat(Integer.toUnsignedLong(EventIds.toDword(id))).isEqualTo(id);
    }
}
