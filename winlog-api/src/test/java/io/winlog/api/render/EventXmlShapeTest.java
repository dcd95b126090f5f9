package io.winlog.api.render;

import static org.assertj.core.api.Assertions.assertThat;

import io.winlog.api.event.EventRecord;
import io.winlog.api.event.EventValue;
import io.winlog.api.event.RenderingInfo;
import io.winlog.api.event.Sid;
import io.winlog.api.event.ValueType;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** The exact text of {@link EventXml} for events whose Windows rendering is known. */
class EventXmlShapeTest {

    /**
     * A failed logon as Windows' EvtRender printed it (a Windows Server event quoted in public test
     * data), rebuilt from typed values. The only difference: Windows printed the time with nine
     * fractional digits (...52.555949300Z); winlog prints the FILETIME's seven.
     */
    @Test
    void securityEventIsRenderedAsWindowsRendersIt() {
        EventRecord r = EventRecord.builder()
                .providerName("Microsoft-Windows-Security-Auditing")
                .providerGuid(UUID.fromString("54849625-5478-4994-A5BA-3E3B0328C30D"))
                .eventId(4625).version(0).level(0).task(12544).opcode(0).keywords(0x8010000000000000L)
                .timeCreated(Instant.parse("2020-03-04T20:58:52.5559493Z")).recordId(38600046)
                .activityId(UUID.fromString("75ECDDC3-EDB3-0003-CBDD-EC75B3EDD501"))
                .processId(696L).threadId(4092L).channel("Security").computer("MYCOMPUTER")
                .addData("SubjectUserSid", EventValue.ofSid(Sid.parse("S-1-0-0")))
                .addData("SubjectUserName", "-")
                .addData("SubjectDomainName", "-")
                .addData("SubjectLogonId", EventValue.ofHexInt64(0))
                .addData("TargetUserSid", EventValue.ofSid(Sid.parse("S-1-0-0")))
                .addData("TargetUserName", "administrator")
                .addData("TargetDomainName", "")
                .addData("Status", EventValue.ofHexInt32(0xc000006dL))
                .addData("FailureReason", "%%2313")
                .addData("SubStatus", EventValue.ofHexInt32(0xc000006aL))
                .addData("LogonType", EventValue.ofUInt32(3))
                .addData("LogonProcessName", "NtLmSsp ")
                .addData("AuthenticationPackageName", "NTLM")
                .addData("WorkstationName", "-")
                .addData("TransmittedServices", "-")
                .addData("LmPackageName", "-")
                .addData("KeyLength", EventValue.ofUInt32(0))
                .addData("ProcessId", EventValue.ofHexInt64(0))
                .addData("ProcessName", "-")
                .addData("IpAddress", "33.32.31.30")
                .addData("IpPort", "51292")
                .build();
        assertThat(EventXml.render(r)).isEqualTo("<Event xmlns='http://schemas.microsoft.com/win/2004/08/events/event'>"
                + "<System><Provider Name='Microsoft-Windows-Security-Auditing' Guid='{54849625-5478-4994-A5BA-3E3B0328C30D}'/>"
                + "<EventID>4625</EventID><Version>0</Version><Level>0</Level><Task>12544</Task><Opcode>0</Opcode>"
                + "<Keywords>0x8010000000000000</Keywords><TimeCreated SystemTime='2020-03-04T20:58:52.5559493Z'/>"
                + "<EventRecordID>38600046</EventRecordID><Correlation ActivityID='{75ECDDC3-EDB3-0003-CBDD-EC75B3EDD501}'/>"
                + "<Execution ProcessID='696' ThreadID='4092'/><Channel>Security</Channel><Computer>MYCOMPUTER</Computer>"
                + "<Security/></System><EventData><Data Name='SubjectUserSid'>S-1-0-0</Data>"
                + "<Data Name='SubjectUserName'>-</Data><Data Name='SubjectDomainName'>-</Data>"
                + "<Data Name='SubjectLogonId'>0x0</Data><Data Name='TargetUserSid'>S-1-0-0</Data>"
                + "<Data Name='TargetUserName'>administrator</Data><Data Name='TargetDomainName'></Data>"
                + "<Data Name='Status'>0xc000006d</Data><Data Name='FailureReason'>%%2313</Data>"
                + "<Data Name='SubStatus'>0xc000006a</Data><Data Name='LogonType'>3</Data>"
                + "<Data Name='LogonProcessName'>NtLmSsp </Data><Data Name='AuthenticationPackageName'>NTLM</Data>"
                + "<Data Name='WorkstationName'>-</Data><Data Name='TransmittedServices'>-</Data>"
                + "<Data Name='LmPackageName'>-</Data><Data Name='KeyLength'>0</Data><Data Name='ProcessId'>0x0</Data>"
                + "<Data Name='ProcessName'>-</Data><Data Name='IpAddress'>33.32.31.30</Data>"
                + "<Data Name='IpPort'>51292</Data></EventData></Event>");
    }

    @Test
    void classicEventOmitsWhatItDoesNotCarry() {
        EventRecord r = EventRecord.builder().providerName("MsiInstaller").eventId(1033).qualifiers(0).level(4).task(0)
                .keywords(0x80000000000000L).timeCreated(Instant.parse("2024-01-02T03:04:05Z")).recordId(5)
                .channel("Application").computer("HOST").userSid(Sid.parse("S-1-5-21-1-2-3-1001"))
                .addData(null, EventValue.ofArray(ValueType.STRING_ARRAY, List.of(EventValue.ofString("a<b"), EventValue.ofString(""))))
                .binaryData(new byte[] {0x7B, 0x00, (byte) 0xFF})
                .build();
        assertThat(EventXml.render(r)).isEqualTo("<Event xmlns='http://schemas.microsoft.com/win/2004/08/events/event'>"
                + "<System><Provider Name='MsiInstaller'/><EventID Qualifiers='0'>1033</EventID><Level>4</Level>"
                + "<Task>0</Task><Keywords>0x80000000000000</Keywords><TimeCreated SystemTime='2024-01-02T03:04:05.0000000Z'/>"
                + "<EventRecordID>5</EventRecordID><Channel>Application</Channel><Computer>HOST</Computer>"
                + "<Security UserID='S-1-5-21-1-2-3-1001'/></System><EventData><Data>a&lt;b</Data><Data></Data>"
                + "<Binary>7B00FF</Binary></EventData></Event>");
    }

    @Test
    void userDataRenderingInfoEscapingAndEtwExecution() {
        EventRecord r = EventRecord.builder().providerName("P&Q").providerGuidText("{6ad52b32-d609-4be9-ae07-ce8dae937e39}")
                .eventSourceName("it's \"x\"").eventId(1102).version(1).level(4).task(104).opcode(0).keywords(0x4020000000000000L)
                .timeCreated(Instant.parse("2016-07-08T18:12:51.6816408Z")).recordId(42)
                .activityId(UUID.fromString("3D5C7D5A-6A73-48EC-AFA5-8695CD1CEAEC"))
                .relatedActivityId(UUID.fromString("B5B799B5-3D32-4F92-90E4-8CF763EFE0BC"))
                .processId(584L).threadId(3076L).processorId(1).sessionId(0).kernelTime(61L).userTime(180L)
                .channel(null).computer("a\tb\r\nc")
                .userDataXml("<LogFileCleared xmlns=\"http://manifests.microsoft.com/win/2004/08/windows/eventlog\"><SubjectUserName>x</SubjectUserName></LogFileCleared>")
                .renderingInfo(new RenderingInfo("en-US", "The audit log was cleared.", "Information", "Log clear", "Info",
                        "Security", "Microsoft-Windows-Eventlog", List.of("Audit Success")))
                .build();
        assertThat(EventXml.render(r)).isEqualTo("<Event xmlns='http://schemas.microsoft.com/win/2004/08/events/event'>"
                + "<System><Provider Name='P&amp;Q' Guid='{6ad52b32-d609-4be9-ae07-ce8dae937e39}' EventSourceName='it&apos;s &quot;x&quot;'/>"
                + "<EventID>1102</EventID><Version>1</Version><Level>4</Level><Task>104</Task><Opcode>0</Opcode>"
                + "<Keywords>0x4020000000000000</Keywords><TimeCreated SystemTime='2016-07-08T18:12:51.6816408Z'/>"
                + "<EventRecordID>42</EventRecordID><Correlation ActivityID='{3D5C7D5A-6A73-48EC-AFA5-8695CD1CEAEC}'"
                + " RelatedActivityID='{B5B799B5-3D32-4F92-90E4-8CF763EFE0BC}'/>"
                + "<Execution ProcessID='584' ThreadID='3076' ProcessorID='1' SessionID='0' KernelTime='61' UserTime='180'/>"
                + "<Channel/><Computer>a\tb\r\nc</Computer><Security/></System>"
                + "<UserData><LogFileCleared xmlns=\"http://manifests.microsoft.com/win/2004/08/windows/eventlog\">"
                + "<SubjectUserName>x</SubjectUserName></LogFileCleared></UserData>"
                + "<RenderingInfo Culture='en-US'><Message>The audit log was cleared.</Message><Level>Information</Level>"
                + "<Task>Log clear</Task><Opcode>Info</Opcode><Channel>Security</Channel>"
                + "<Provider>Microsoft-Windows-Eventlog</Provider><Keywords><Keyword>Audit Success</Keyword></Keywords>"
                + "</RenderingInfo></Event>");
    }

    @Test
    void emptyEventAndStringBuilderForm() {
        EventRecord r = EventRecord.builder().build();
        StringBuilder sb = new StringBuilder("x");
        EventXml.render(r, sb);
        assertThat(sb.toString()).isEqualTo("x<Event xmlns='http://schemas.microsoft.com/win/2004/08/events/event'><System>"
                + "<Provider/><EventID>0</EventID><EventRecordID>0</EventRecordID><Channel/><Computer/><Security/></System>"
                + "<EventData/></Event>");
    }
}
