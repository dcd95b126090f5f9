/**
 * {@code winlog demo}: a realistic scenario written to .evtx, read back, and fanned out through
 * the EventChannel to a console printer, an alert rule and an uninstall-failure monitor.
 */
package io.winlog.examples.demo;
