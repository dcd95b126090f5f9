/**
 * The .evtx container: the file header and the 64 KiB chunk headers, with their CRC32 checks,
 * and bounds-checked little-endian access. No BinXml here.
 */
package io.winlog.evtx.chunk;
