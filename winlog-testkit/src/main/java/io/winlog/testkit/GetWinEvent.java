package io.winlog.testkit;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.function.Predicate;

/**
 * Reads events back from the real Windows Event Log with PowerShell's {@code Get-WinEvent}, for
 * the {@code @EnabledOnOs(OS.WINDOWS)} tests: a second opinion that renders each event's
 * description the way Windows does ({@code EvtFormatMessage} with the source's message file).
 *
 * <p>Two Windows traps are avoided on purpose:
 * <ul>
 *   <li><b>Quoting</b>: Java's {@code ProcessBuilder} on Windows wraps an argument that contains
 *       spaces in double quotes but does not escape the double quotes inside it, so a
 *       {@code -Command "..."} script with quotes reaches PowerShell mangled. The script is
 *       passed as {@code -EncodedCommand} (Base64 of UTF-16LE), which has no quoting at all.</li>
 *   <li><b>Encoding</b>: console output goes through the OEM code page and would lose emoji and
 *       accents. PowerShell writes the JSON to a file itself, as UTF-8 without BOM.</li>
 * </ul>
 * A {@code Message} of {@code null} means Windows could not render the description (no message
 * file, or the id is not in it): what Event Viewer shows as "The description for Event ID ...
 * cannot be found".
 */
public final class GetWinEvent {
    /** PowerShell's FullyQualifiedErrorId when the filter matches nothing: not an error for us. */
    static final String NO_EVENTS = "NoMatchingEventsFound";

    private GetWinEvent() {
    }

    /**
     * One event as Get-WinEvent returns it.
     *
     * @param id         the event id (low 16 bits of the classic EventID)
     * @param qualifiers the high 16 bits of the classic EventID, or null
     * @param level      0 LogAlways, 1 Critical, 2 Error, 3 Warning, 4 Information, 5 Verbose
     * @param recordId   the record number in the log
     * @param provider   the provider (classic: source) name
     * @param task       the task (classic: the category number)
     * @param taskName   the task rendered (classic: the category text from CategoryMessageFile), or null
     * @param message    the rendered description, or null when Windows cannot render it
     */
    public record Event(int id, Integer qualifiers, int level, long recordId, String provider, int task, String taskName,
                        String message) {
    }

    /**
     * The newest {@code max} events of {@code source} in {@code log}, newest first; polls until
     * {@code done} accepts the list or {@code timeout} passes (the Event Log service may need a
     * moment), then returns the last list read.
     */
    public static List<Event> await(String log, String source, int max, Predicate<List<Event>> done, Duration timeout) {
        long deadline = System.nanoTime() + timeout.toNanos();
        List<Event> events = query(log, source, max);
        while (!done.test(events) && System.nanoTime() < deadline) {
            try {
                Thread.sleep(500);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return events;
            }
            events = query(log, source, max);
        }
        return events;
    }

    /** The newest {@code max} events of {@code source} in {@code log}, newest first (one query). */
    public static List<Event> query(String log, String source, int max) {
        Path json = null;
        Path err = null;
        try {
            json = Files.createTempFile("winlog-getwinevent", ".json");
            err = Files.createTempFile("winlog-getwinevent", ".err");
            Process p = new ProcessBuilder("powershell.exe", "-NoLogo", "-NoProfile", "-NonInteractive",
                    "-ExecutionPolicy", "Bypass", "-EncodedCommand", encode(script(log, source, max, json)))
                    .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(err.toFile()).start();
            p.getOutputStream().close(); // PowerShell would otherwise wait for stdin
            if (!p.waitFor(120, TimeUnit.SECONDS)) {
                p.destroyForcibly();
                throw new AssertionError("Get-WinEvent did not finish in 120 s");
            }
            String stderr = Files.readString(err, StandardCharsets.UTF_8);
            if (p.exitValue() != 0) {
                throw new AssertionError("Get-WinEvent for source '" + source + "' in " + log + " failed (exit "
                        + p.exitValue() + "): " + stderr);
            }
            return parse(Files.readString(json, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot run powershell.exe Get-WinEvent", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted while running Get-WinEvent", e);
        } finally {
            deleteQuietly(json);
            deleteQuietly(err);
        }
    }

    /** The PowerShell script: query, project the fields, write UTF-8 JSON (always an array) to {@code out}. */
    static String script(String log, String source, int max, Path out) {
        return "$ErrorActionPreference = 'Stop'\n"
                + "$ProgressPreference = 'SilentlyContinue'\n"
                + "try {\n"
                + "  $events = @(Get-WinEvent -LogName " + quote(log) + " -FilterXPath " + quote(xpath(source))
                + " -MaxEvents " + max + ")\n"
                + "} catch {\n"
                + "  if ($_.FullyQualifiedErrorId -like '" + NO_EVENTS + "*') { $events = @() } else { throw }\n"
                + "}\n"
                + "$rows = @($events | ForEach-Object {\n"
                + "  $e = $_; $taskName = $null\n"
                + "  try { $taskName = $e.TaskDisplayName } catch { }\n" // metadata lookups may throw; null then
                + "  [pscustomobject]@{ Id = $e.Id; Qualifiers = $e.Qualifiers; Level = $e.Level; RecordId = $e.RecordId; "
                + "ProviderName = $e.ProviderName; Task = $e.Task; TaskDisplayName = $taskName; Message = $e.Message }\n"
                + "})\n"
                + "$json = ConvertTo-Json -InputObject $rows -Depth 3 -Compress\n"
                + "[System.IO.File]::WriteAllText(" + quote(out.toAbsolutePath().toString())
                + ", $json, (New-Object System.Text.UTF8Encoding $false))\n";
    }

    /**
     * The XPath that selects the source's events. Used instead of {@code -FilterHashtable
     * ProviderName}, which first looks the provider up in the publisher metadata (a classic
     * source registered a moment ago need not be listed yet) and fails when it is not.
     */
    static String xpath(String source) {
        if (source.indexOf('\'') >= 0 || source.indexOf('"') >= 0) {
            throw new IllegalArgumentException("source name for an XPath query must not contain quotes: " + source);
        }
        return "*[System[Provider[@Name='" + source + "']]]";
    }

    /** A PowerShell single-quoted string literal ({@code '} doubled; nothing else is special). */
    static String quote(String s) {
        return "'" + s.replace("'", "''") + "'";
    }

    /** {@code -EncodedCommand}'s argument: Base64 of the UTF-16LE script. */
    static String encode(String script) {
        return Base64.getEncoder().encodeToString(script.getBytes(StandardCharsets.UTF_16LE));
    }

    /** Parses what the script wrote: an array (or, defensively, one object or nothing). */
    static List<Event> parse(String json) throws IOException {
        String text = json.replace("\uFEFF", "").strip();
        List<Event> out = new ArrayList<>();
        if (text.isEmpty()) {
            return out;
        }
        JsonNode root = new ObjectMapper().readTree(text);
        List<JsonNode> nodes = new ArrayList<>();
        if (root.isArray()) {
            root.forEach(nodes::add);
        } else if (root.isObject()) {
            nodes.add(root);
        }
        for (JsonNode n : nodes) {
            JsonNode q = n.path("Qualifiers");
            JsonNode m = n.path("Message");
            JsonNode t = n.path("TaskDisplayName");
            out.add(new Event(n.path("Id").asInt(), q.isNumber() ? q.asInt() : null, n.path("Level").asInt(),
                    n.path("RecordId").asLong(), n.path("ProviderName").asText(null), n.path("Task").asInt(),
                    t.isTextual() ? t.asText() : null, m.isTextual() ? m.asText() : null));
        }
        return out;
    }

    private static void deleteQuietly(Path p) {
        if (p != null) {
            try {
                Files.deleteIfExists(p);
            } catch (IOException ignored) {
                // a stray temporary file is harmless
            }
        }
    }
}
