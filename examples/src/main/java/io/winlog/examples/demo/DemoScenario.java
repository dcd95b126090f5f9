package io.winlog.examples.demo;

import io.winlog.api.event.EventRecord;
import io.winlog.api.event.EventValue;
import io.winlog.api.event.Guids;
import io.winlog.api.event.Levels;
import io.winlog.api.event.Sid;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Random;
import java.util.UUID;

/**
 * The embedded default scenario of {@code winlog demo}: about fifteen minutes of a Windows
 * server's Application, Security and System logs, with the providers, ids, keywords and typed
 * EventData fields Windows really uses.
 *
 * <ul>
 *   <li>a service start (Service Control Manager 7036/7045),</li>
 *   <li>an application error burst (four crashes: Application Error 1000 + .NET Runtime 1026),</li>
 *   <li>a burst of failed logons (Security 4625) from one source IP: seven for
 *       {@code administrator} within 40 s (must alert), three for {@code svc_backup} (must not),
 *       and five for {@code jdoe} spread over four minutes (must not: never 5 within 60 s),</li>
 *   <li>MsiInstaller: Contoso Agent installed (11707, 1033), Fabrikam Viewer removed (11724,
 *       1034 status 0), then a failed removal of Contoso Agent (11725, 1034 status 1603),</li>
 *   <li>noise: successful logons 4624, special privileges 4672, service state changes, time
 *       sync, Security Center.</li>
 * </ul>
 *
 * Deterministic for a given seed, so the demo's output and its tests are reproducible.
 */
public final class DemoScenario {
    /** When the scenario starts. */
    public static final Instant START = Instant.parse("2026-11-02T09:00:00Z");
    /** The host the events come from. */
    public static final String COMPUTER = "SRV-APP01.contoso.local";
    /** The attacking address in the failed-logon burst. */
    public static final String ATTACKER_IP = "203.0.113.45";

    static final UUID SECURITY_AUDITING = Guids.parse("{54849625-5478-4994-A5BA-3E3B0328C30D}");
    static final UUID SCM = Guids.parse("{555908D1-A6D7-4695-8E1E-26931D2012F4}");
    static final UUID TIME_SERVICE = Guids.parse("{06EDCFEB-0FD0-4E53-ACCA-A6F8BBF81BCB}");
    private static final Sid SYSTEM = Sid.parse("S-1-5-18");
    private static final Sid NULL_SID = Sid.parse("S-1-0-0");
    private static final long AUDIT_FAILURE = 0x8010000000000000L;
    private static final long AUDIT_SUCCESS = 0x8020000000000000L;
    private static final long CLASSIC = 0x0080000000000000L;
    private static final long SCM_KEYWORDS = 0x8080000000000000L;

    private final Random random;
    private final List<EventRecord> events = new ArrayList<>();

    private DemoScenario(long seed) {
        this.random = new Random(seed);
    }

    /** The scenario's events, in time order (record ids not yet assigned). */
    public static List<EventRecord> generate(long seed) {
        DemoScenario s = new DemoScenario(seed);
        s.build();
        s.events.sort(Comparator.comparing(EventRecord::timeCreated));
        return List.copyOf(s.events);
    }

    private void build() {
        // 09:00 service installed and started
        serviceInstalled(at(2), "Contoso Order Service", "C:\\Program Files\\Contoso\\OrderService.exe");
        serviceState(at(3), "Contoso Order Service", "running");
        serviceState(at(4), "Windows Update", "running");
        // 09:01-09:14 noise throughout
        for (int i = 0; i < 40; i++) {
            Instant t = at(60 + random.nextInt(13 * 60));
            switch (random.nextInt(4)) {
                case 0: logonSuccess(t, pick("svc_sql", "svc_web", "alice", "bob"), "10.0.0." + (10 + random.nextInt(40))); break;
                case 1: specialPrivileges(t, pick("svc_sql", "alice")); break;
                case 2: serviceState(t, pick("Background Intelligent Transfer Service", "WinHTTP Web Proxy Auto-Discovery Service"),
                        random.nextBoolean() ? "running" : "stopped"); break;
                default: timeSync(t); break;
            }
        }
        securityCenter(at(150));
        // 09:03 application error burst: the new service crashes four times in 15 s
        for (int i = 0; i < 4; i++) {
            Instant t = at(180 + i * 3 + random.nextInt(3));
            dotNetCrash(t.minusMillis(120));
            applicationError(t, 4100 + i * 12);
        }
        // 09:06 failed logons from one IP
        for (int i = 0; i < 7; i++) {
            failedLogon(at(360 + i * 5 + random.nextInt(4)), "administrator", "CONTOSO", 0xC000006AL, 49152 + i);
        }
        for (int i = 0; i < 3; i++) {
            failedLogon(at(400 + i * 7), "svc_backup", "CONTOSO", 0xC000006AL, 50100 + i);
        }
        for (int i = 0; i < 5; i++) {
            failedLogon(at(420 + i * 50), "jdoe", "CONTOSO", 0xC0000064L, 50200 + i);
        }
        // 09:10 MsiInstaller: install, a clean removal, a failed removal
        msiInstalled(at(600), "Contoso Agent", "4.2.1", "Contoso Ltd.");
        msiRemoved(at(660), "Fabrikam Viewer", "2.0.7", "Fabrikam Inc.", 0);
        msiRemoved(at(720), "Contoso Agent", "4.2.1", "Contoso Ltd.", 1603);
    }

    private Instant at(int seconds) {
        return START.plus(Duration.ofSeconds(seconds)).plusNanos(random.nextInt(10_000_000) * 100L);
    }

    private String pick(String... options) {
        return options[random.nextInt(options.length)];
    }

    private EventRecord.Builder base(Instant t, String channel, String provider, UUID guid, int id) {
        EventRecord.Builder b = EventRecord.builder().providerName(provider).providerGuid(guid).eventId(id)
                .timeCreated(t).channel(channel).computer(COMPUTER);
        if (guid == null) {
            b.qualifiers(0);
        }
        return b;
    }

    private void add(EventRecord.Builder b) {
        events.add(b.build());
    }

    private void serviceState(Instant t, String service, String state) {
        add(base(t, "System", "Service Control Manager", SCM, 7036).eventSourceName("Service Control Manager")
                .qualifiers(16384).version(0).level(Levels.INFORMATION).task(0).opcode(0).keywords(SCM_KEYWORDS)
                .processId(712L).threadId(3048L)
                .addData("param1", service).addData("param2", state)
                .binaryData(service.replace(" ", "").toUpperCase().getBytes(java.nio.charset.StandardCharsets.UTF_16LE)));
    }

    private void serviceInstalled(Instant t, String service, String path) {
        add(base(t, "System", "Service Control Manager", SCM, 7045).eventSourceName("Service Control Manager")
                .qualifiers(16384).version(0).level(Levels.INFORMATION).task(0).opcode(0).keywords(SCM_KEYWORDS)
                .processId(712L).threadId(3048L).userSid(Sid.parse("S-1-5-21-3623811015-3361044348-30300820-500"))
                .addData("ServiceName", service).addData("ImagePath", path).addData("ServiceType", "user mode service")
                .addData("StartType", "auto start").addData("AccountName", "LocalSystem"));
    }

    private void timeSync(Instant t) {
        add(base(t, "System", "Microsoft-Windows-Time-Service", TIME_SERVICE, 37).version(0).level(Levels.INFORMATION)
                .task(0).opcode(0).keywords(0x8000000000000000L).processId(1320L).threadId(2204L).userSid(Sid.parse("S-1-5-19"))
                .addData("TimeSource", "dc01.contoso.local,0x8 (ntp.m|0x8|0.0.0.0:123->10.0.0.2:123)")
                .addData("TimeDifferenceMilliseconds", EventValue.ofInteger(io.winlog.api.event.ValueType.INT32, random.nextInt(200) - 100)));
    }

    private void securityCenter(Instant t) {
        add(base(t, "Application", "SecurityCenter", null, 15).level(Levels.INFORMATION).task(0).keywords(CLASSIC)
                .addData(null, "Windows Defender").addData(null, "SECURITY_PRODUCT_STATE_ON"));
    }

    private void applicationError(Instant t, int pid) {
        add(base(t, "Application", "Application Error", null, 1000).level(Levels.ERROR).task(100).keywords(CLASSIC)
                .addData(null, "OrderService.exe").addData(null, "3.1.0.0").addData(null, "6512a3f0")
                .addData(null, "KERNELBASE.dll").addData(null, "10.0.20348.2031").addData(null, "a7b5c4d2")
                .addData(null, "e0434352").addData(null, "000000000002f3b9").addData(null, Integer.toHexString(pid))
                .addData(null, "01da2b" + Integer.toHexString(pid)).addData(null, "C:\\Program Files\\Contoso\\OrderService.exe")
                .addData(null, "C:\\Windows\\System32\\KERNELBASE.dll").addData(null, new UUID(random.nextLong(), random.nextLong()).toString())
                .addData(null, "").addData(null, ""));
    }

    private void dotNetCrash(Instant t) {
        add(base(t, "Application", ".NET Runtime", null, 1026).level(Levels.ERROR).task(0).keywords(CLASSIC)
                .addData(null, "Application: OrderService.exe\nCoreCLR Version: 6.0.2523.51912\n"
                        + "Description: The process was terminated due to an unhandled exception.\n"
                        + "Exception Info: System.InvalidOperationException: Connection string 'Orders' not found.\n"
                        + "   at Contoso.Orders.Startup.ConfigureServices(IServiceCollection services)"));
    }

    private void failedLogon(Instant t, String user, String domain, long subStatus, int port) {
        add(base(t, "Security", "Microsoft-Windows-Security-Auditing", SECURITY_AUDITING, 4625).version(0)
                .level(Levels.LOG_ALWAYS).task(12544).opcode(0).keywords(AUDIT_FAILURE).processId(652L).threadId(1408L)
                .addData("SubjectUserSid", EventValue.ofSid(NULL_SID)).addData("SubjectUserName", "-")
                .addData("SubjectDomainName", "-").addData("SubjectLogonId", EventValue.ofHexInt64(0))
                .addData("TargetUserSid", EventValue.ofSid(NULL_SID)).addData("TargetUserName", user)
                .addData("TargetDomainName", domain).addData("Status", EventValue.ofHexInt32(0xC000006DL))
                .addData("FailureReason", "%%2313").addData("SubStatus", EventValue.ofHexInt32(subStatus))
                .addData("LogonType", EventValue.ofUInt32(3)).addData("LogonProcessName", "NtLmSsp ")
                .addData("AuthenticationPackageName", "NTLM").addData("WorkstationName", "KALI")
                .addData("TransmittedServices", "-").addData("LmPackageName", "-")
                .addData("KeyLength", EventValue.ofUInt32(0)).addData("ProcessId", EventValue.ofHexInt64(0))
                .addData("ProcessName", "-").addData("IpAddress", ATTACKER_IP).addData("IpPort", Integer.toString(port)));
    }

    private void logonSuccess(Instant t, String user, String ip) {
        add(base(t, "Security", "Microsoft-Windows-Security-Auditing", SECURITY_AUDITING, 4624).version(2)
                .level(Levels.LOG_ALWAYS).task(12544).opcode(0).keywords(AUDIT_SUCCESS).processId(652L).threadId(1408L)
                .addData("SubjectUserSid", EventValue.ofSid(SYSTEM)).addData("SubjectUserName", "SRV-APP01$")
                .addData("SubjectDomainName", "CONTOSO").addData("SubjectLogonId", EventValue.ofHexInt64(0x3e7))
                .addData("TargetUserSid", EventValue.ofSid(Sid.parse("S-1-5-21-3623811015-3361044348-30300820-" + (1100 + user.length()))))
                .addData("TargetUserName", user).addData("TargetDomainName", "CONTOSO")
                .addData("TargetLogonId", EventValue.ofHexInt64(0x1000000L + random.nextInt(1 << 20)))
                .addData("LogonType", EventValue.ofUInt32(3)).addData("LogonProcessName", "Kerberos")
                .addData("AuthenticationPackageName", "Kerberos").addData("WorkstationName", "-")
                .addData("LogonGuid", EventValue.ofGuid(new UUID(random.nextLong(), random.nextLong())))
                .addData("IpAddress", ip).addData("IpPort", Integer.toString(49000 + random.nextInt(10000)))
                .addData("ElevatedToken", "%%1842"));
    }

    private void specialPrivileges(Instant t, String user) {
        add(base(t, "Security", "Microsoft-Windows-Security-Auditing", SECURITY_AUDITING, 4672).version(0)
                .level(Levels.LOG_ALWAYS).task(12548).opcode(0).keywords(AUDIT_SUCCESS).processId(652L).threadId(1408L)
                .addData("SubjectUserSid", EventValue.ofSid(Sid.parse("S-1-5-21-3623811015-3361044348-30300820-1107")))
                .addData("SubjectUserName", user).addData("SubjectDomainName", "CONTOSO")
                .addData("SubjectLogonId", EventValue.ofHexInt64(0x2000000L + random.nextInt(1 << 20)))
                .addData("PrivilegeList", "SeSecurityPrivilege\r\n\t\t\tSeBackupPrivilege\r\n\t\t\tSeRestorePrivilege"));
    }

    private void msiInstalled(Instant t, String product, String version, String vendor) {
        add(msi(t, 11707, Levels.INFORMATION).addData(null, "Product: " + product + " -- Installation completed successfully.")
                .addData(null, "(NULL)").addData(null, "(NULL)").addData(null, "(NULL)").addData(null, "(NULL)")
                .addData(null, "(NULL)").addData(null, ""));
        add(msi(t.plusMillis(40), 1033, Levels.INFORMATION).addData(null, product).addData(null, version)
                .addData(null, "1033").addData(null, "0").addData(null, vendor).addData(null, "(NULL)").addData(null, ""));
    }

    private void msiRemoved(Instant t, String product, String version, String vendor, int status) {
        String outcome = status == 0 ? "Removal completed successfully." : "Removal failed.";
        add(msi(t, status == 0 ? 11724 : 11725, status == 0 ? Levels.INFORMATION : Levels.ERROR)
                .addData(null, "Product: " + product + " -- " + outcome)
                .addData(null, "(NULL)").addData(null, "(NULL)").addData(null, "(NULL)").addData(null, "(NULL)")
                .addData(null, "(NULL)").addData(null, ""));
        add(msi(t.plusMillis(35), 1034, status == 0 ? Levels.INFORMATION : Levels.WARNING).addData(null, product)
                .addData(null, version).addData(null, "1033").addData(null, Integer.toString(status))
                .addData(null, vendor).addData(null, "(NULL)").addData(null, ""));
    }

    private EventRecord.Builder msi(Instant t, int id, int level) {
        return base(t, "Application", "MsiInstaller", null, id).level(level).task(0).keywords(CLASSIC)
                .userSid(Sid.parse("S-1-5-21-3623811015-3361044348-30300820-500"))
                .binaryData("(NULL)".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
    }
}
