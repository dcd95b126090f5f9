package io.winlog.api.render;

import static org.assertj.core.api.Assertions.assertThat;

import io.winlog.api.event.EventRecord;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.net.URL;
import java.net.URLClassLoader;
import org.junit.jupiter.api.Test;

/** winlog-api's renderers work without Jackson; only {@link EventJson#parse} needs it and says so. */
class WithoutJacksonTest {
    @Test
    void renderWorksAndParseExplainsWhatIsMissing() throws Exception {
        URL apiClasses = EventJson.class.getProtectionDomain().getCodeSource().getLocation();
        try (URLClassLoader isolated = new URLClassLoader(new URL[] {apiClasses}, ClassLoader.getPlatformClassLoader())) {
            assertThat(isolated.getResource("com/fasterxml/jackson/databind/ObjectMapper.class")).isNull();
            Class<?> rec = isolated.loadClass(EventRecord.class.getName());
            Object builder = rec.getMethod("builder").invoke(null);
            builder.getClass().getMethod("recordId", long.class).invoke(builder, 7L);
            Object record = builder.getClass().getMethod("build").invoke(builder);
            Class<?> json = isolated.loadClass(EventJson.class.getName());
            String line = (String) json.getMethod("render", rec).invoke(null, record);
            assertThat(line).startsWith("{\"record_id\": 7,");
            Class<?> xml = isolated.loadClass(EventXml.class.getName());
            assertThat((String) xml.getMethod("render", rec).invoke(null, record)).contains("<EventRecordID>7</EventRecordID>");
            Method parse = json.getMethod("parse", String.class);
            try {
                parse.invoke(null, line);
                throw new AssertionError("parse must fail without Jackson");
            } catch (InvocationTargetException e) {
                assertThat(e.getCause().getClass().getName()).isEqualTo("io.winlog.api.WinlogException");
                assertThat(e.getCause().getMessage()).contains("needs Jackson", "jackson-databind");
            }
        }
    }
}
