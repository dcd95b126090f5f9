/**
 * Resource-only message DLLs in pure Java (no JNA, no Windows toolchain):
 * {@link io.winlog.jna.messagedll.MessageDllWriter} writes PE files holding an
 * {@code RT_MESSAGETABLE} ({@link io.winlog.jna.messagedll.MessageTable}) and an
 * {@code RT_VERSION} ({@link io.winlog.jna.messagedll.VersionInfo});
 * {@link io.winlog.jna.messagedll.MessageDllReader} reads them back;
 * {@link io.winlog.jna.messagedll.MessageDllGenerator} makes winlog's event and category
 * message files at build time; {@link io.winlog.jna.messagedll.MessageDllFiles} extracts them to
 * a versioned per-machine directory for event source registration. See docs/message-dll.md.
 */
package io.winlog.jna.messagedll;
