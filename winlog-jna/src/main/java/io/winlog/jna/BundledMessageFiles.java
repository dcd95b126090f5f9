package io.winlog.jna;

import io.winlog.api.WinlogException;
import java.lang.reflect.Method;
import java.nio.file.Path;
import java.util.List;

/**
 * Bridge to winlog's generated message DLLs ({@code io.winlog.jna.messagedll.MessageDllFiles}:
 * an event message file mapping ids 1..65535 to "%1" and a category message file), extracted to
 * a stable per-machine path. Looked up reflectively so this class compiles and the rest of the
 * installer works in builds where the generator is absent; {@link #available()} says which.
 */
final class BundledMessageFiles {
    static final String CLASS = "io.winlog.jna.messagedll.MessageDllFiles";

    /** The two files. */
    record Files(Path eventMessageFile, Path categoryMessageFile) {
    }

    private BundledMessageFiles() {
    }

    static boolean available() {
        try {
            Class.forName(CLASS, false, BundledMessageFiles.class.getClassLoader());
            return true;
        } catch (ClassNotFoundException e) {
            return false;
        }
    }

    /** Extracts (once) and returns the files; {@code categories} empty = the default level categories. */
    static Files ensureExtracted(List<String> categories) {
        try {
            Class<?> c = Class.forName(CLASS, true, BundledMessageFiles.class.getClassLoader());
            Object rec = categories.isEmpty() ? c.getMethod("ensureExtracted").invoke(null)
                    : c.getMethod("ensureExtracted", List.class).invoke(null, categories);
            Method ev = rec.getClass().getMethod("eventMessageFile");
            Method cat = rec.getClass().getMethod("categoryMessageFile");
            ev.setAccessible(true);
            cat.setAccessible(true);
            return new Files((Path) ev.invoke(rec), (Path) cat.invoke(rec));
        } catch (ClassNotFoundException e) {
            throw new WinlogException("this winlog-jna build has no bundled message DLLs (" + CLASS + " missing); "
                    + "register the source with your own message file or the .NET one (--dotnet)", e);
        } catch (ReflectiveOperationException e) {
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            if (cause instanceof RuntimeException re) {
                throw re;
            }
            throw new WinlogException("cannot extract the bundled message DLLs: " + cause.getMessage(), cause);
        }
    }
}
