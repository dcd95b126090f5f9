package io.winlog.examples.demo;

import io.winlog.api.channel.SubscriberStats;
import java.util.List;
import java.util.Map;

/**
 * What one run of {@code winlog demo --live} did.
 *
 * @param sourceMode       how the source {@code winlog-demo} was set up (registered, installed now, unregistered)
 * @param written          test events written to the Application log
 * @param ownSeen          of those, how many the tail read back (matched by this run's tag)
 * @param tailed           records the tail returned in total (others' events included)
 * @param securityFailures Security 4625 events read, or -1 when the Security log was not readable
 * @param logonAlerts      alerts of the failed-logon rule
 * @param uninstallAlerts  failed removals found by the uninstall monitor
 * @param stats            channel statistics per subscriber, after draining
 */
public record LiveDemoReport(String sourceMode, int written, int ownSeen, int tailed, int securityFailures,
                             List<Alert> logonAlerts, List<Alert> uninstallAlerts, Map<String, SubscriberStats> stats) {
}
