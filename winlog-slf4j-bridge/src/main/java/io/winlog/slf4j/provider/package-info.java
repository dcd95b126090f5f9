/**
 * An SLF4J 2 provider that writes to the Windows Event Log, for applications without a logging
 * backend: put winlog-slf4j-bridge on the class path and add {@code winlog-slf4j.properties}
 * ({@link io.winlog.slf4j.provider.ProviderSettings} lists the keys).
 */
package io.winlog.slf4j.provider;
