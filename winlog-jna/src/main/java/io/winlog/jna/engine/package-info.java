/**
 * Layer 3: behaviour behind small interfaces ({@code ReportEventApi}, {@code RegistryApi},
 * {@code ClassicLogApi}) that the JNA implementations and the scripted test implementations both
 * fulfil. Includes shared source handles and the classic read loop (buffer growth, end of log,
 * log cleared or wrapped, access denied).
 */
package io.winlog.jna.engine;
