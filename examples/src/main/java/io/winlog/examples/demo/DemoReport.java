package io.winlog.examples.demo;

import io.winlog.api.channel.SubscriberStats;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * What one run of the demo did, for its output and its tests.
 *
 * @param files            the .evtx files written, by channel
 * @param written          events written
 * @param readBack         events read back from the files
 * @param identical        read-back events equal, field for field, to what was written
 * @param printed          events the console printer received (errors and warnings)
 * @param logonAlerts      alerts of the failed-logon rule
 * @param uninstallAlerts  failed removals found by the uninstall monitor
 * @param stats            channel statistics per subscriber, after draining
 */
public record DemoReport(Map<String, Path> files, int written, int readBack, int identical, long printed,
                         List<Alert> logonAlerts, List<Alert> uninstallAlerts, Map<String, SubscriberStats> stats) {
}
