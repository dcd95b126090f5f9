/**
 * Layer 2: pure preparation of ReportEvent arguments. Event ids; per-string and total limits with
 * the truncate, split and reject policies; escaping of insertion sequences, NUL and lone
 * surrogates; UTF-16 encoding. Tested on any OS and fuzzed.
 */
package io.winlog.jna.codec;
