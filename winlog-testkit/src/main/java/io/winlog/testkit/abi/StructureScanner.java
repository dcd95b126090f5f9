package io.winlog.testkit.abi;

import com.sun.jna.Structure;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Modifier;
import java.net.JarURLConnection;
import java.net.URISyntaxException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.Paths;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Enumeration;
import java.util.List;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;

/**
 * Finds every concrete JNA {@link Structure} in a package (and its sub-packages) on the class
 * path, so a module's layout test covers new Structures without anyone remembering to list them.
 * {@code ByReference}/{@code ByValue} variants are skipped: they share their parent's layout.
 */
public final class StructureScanner {
    private StructureScanner() {
    }

    /** Every concrete Structure class under {@code packageName}, sorted by name. */
    public static List<Class<? extends Structure>> find(String packageName) {
        ClassLoader cl = Thread.currentThread().getContextClassLoader();
        String path = packageName.replace('.', '/');
        List<String> names = new ArrayList<>();
        try {
            Enumeration<URL> urls = cl.getResources(path);
            while (urls.hasMoreElements()) {
                URL url = urls.nextElement();
                if ("file".equals(url.getProtocol())) {
                    Path dir = Paths.get(url.toURI());
                    try (Stream<Path> files = Files.walk(dir, 32)) {
                        files.filter(p -> p.toString().endsWith(".class")).forEach(p -> names.add(
                                packageName + "." + dir.relativize(p).toString().replace('/', '.').replace('\\', '.')
                                        .replaceAll("\\.class$", "")));
                    }
                } else if ("jar".equals(url.getProtocol())) {
                    JarURLConnection conn = (JarURLConnection) url.openConnection();
                    try (JarFile jar = conn.getJarFile()) {
                        for (Enumeration<JarEntry> e = jar.entries(); e.hasMoreElements(); ) {
                            String n = e.nextElement().getName();
                            if (n.startsWith(path + "/") && n.endsWith(".class")) {
                                names.add(n.replace('/', '.').replaceAll("\\.class$", ""));
                            }
                        }
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot scan package " + packageName, e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
        List<Class<? extends Structure>> out = new ArrayList<>();
        for (String n : names) {
            Class<?> c;
            try {
                c = Class.forName(n, false, cl);
            } catch (ClassNotFoundException | LinkageError e) {
                throw new IllegalStateException("cannot load " + n + " while scanning " + packageName + ": " + e, e);
            }
            if (Structure.class.isAssignableFrom(c) && !Modifier.isAbstract(c.getModifiers()) && !c.isAnonymousClass()
                    && !Structure.ByReference.class.isAssignableFrom(c) && !Structure.ByValue.class.isAssignableFrom(c)) {
                out.add(c.asSubclass(Structure.class));
            }
        }
        out.sort(Comparator.comparing(Class::getName));
        return out;
    }
}
