/**
 * Reading legacy Windows NT event log files (.evt) on any OS:
 * {@link io.winlog.evtx.evt.EvtReader} (the public face, an {@link io.winlog.api.EventReader})
 * walks the circular record area between the file header and the end-of-file record, handles
 * dirty headers and records that wrap past the end of the file, and can recover old records
 * from the unused space. See docs/evt-format.md.
 */
package io.winlog.evtx.evt;
