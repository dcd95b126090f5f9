package io.winlog.evtx.write;

import java.util.Arrays;
import java.util.Objects;

/**
 * The shape of an event, which decides its template: the provider (literal in the template, as
 * Windows writes it), which System properties are present, the EventData item names and value
 * types, and the structure of UserData / another top-level element. Two events with equal keys
 * share one template definition per chunk.
 *
 * <p>The writer fills one mutable probe per record ({@link #reset}, {@link #addData}) and looks
 * it up; only a new shape is {@linkplain #freeze() copied}, so the steady state allocates
 * nothing here.
 */
final class TemplateKey {
    private String providerName;
    private String providerGuidText;
    private String eventSourceName;
    private int presence;
    private int dataCount;
    private String[] dataNames;
    private int[] dataTypes;
    private String userDataSignature;
    private String otherSignature;
    private int hash;

    TemplateKey() {
        dataNames = new String[8];
        dataTypes = new int[8];
    }

    void reset(String providerName, String providerGuidText, String eventSourceName, int presence) {
        this.providerName = providerName;
        this.providerGuidText = providerGuidText;
        this.eventSourceName = eventSourceName;
        this.presence = presence;
        this.dataCount = 0;
        this.userDataSignature = null;
        this.otherSignature = null;
        this.hash = 0;
    }

    void addData(String name, int typeCode) {
        if (dataCount == dataNames.length) {
            dataNames = Arrays.copyOf(dataNames, dataCount * 2);
            dataTypes = Arrays.copyOf(dataTypes, dataCount * 2);
        }
        dataNames[dataCount] = name;
        dataTypes[dataCount] = typeCode;
        dataCount++;
    }

    void xmlSignatures(String userData, String other) {
        this.userDataSignature = userData;
        this.otherSignature = other;
    }

    /** An immutable copy for use as a map key. */
    TemplateKey freeze() {
        TemplateKey k = new TemplateKey();
        k.providerName = providerName;
        k.providerGuidText = providerGuidText;
        k.eventSourceName = eventSourceName;
        k.presence = presence;
        k.dataCount = dataCount;
        k.dataNames = Arrays.copyOf(dataNames, dataCount);
        k.dataTypes = Arrays.copyOf(dataTypes, dataCount);
        k.userDataSignature = userDataSignature;
        k.otherSignature = otherSignature;
        k.hash = hashCode();
        return k;
    }

    String providerName() { return providerName; }
    String providerGuidText() { return providerGuidText; }
    String eventSourceName() { return eventSourceName; }
    int presence() { return presence; }
    boolean has(int bit) { return (presence & (1 << bit)) != 0; }
    int dataCount() { return dataCount; }
    String dataName(int i) { return dataNames[i]; }
    int dataType(int i) { return dataTypes[i]; }

    /** A stable description, used to derive the template GUID (same shape, same GUID, same bytes). */
    String describe() {
        StringBuilder sb = new StringBuilder(128);
        sb.append(providerName).append('|').append(providerGuidText).append('|').append(eventSourceName).append('|')
                .append(Integer.toHexString(presence));
        for (int i = 0; i < dataCount; i++) {
            sb.append('|').append(dataNames[i]).append(':').append(dataTypes[i]);
        }
        return sb.append('|').append(userDataSignature).append('|').append(otherSignature).toString();
    }

    @Override
    public int hashCode() {
        int h = hash;
        if (h == 0) {
            h = Objects.hashCode(providerName) * 31 + Objects.hashCode(providerGuidText);
            h = h * 31 + Objects.hashCode(eventSourceName);
            h = h * 31 + presence;
            for (int i = 0; i < dataCount; i++) {
                h = h * 31 + Objects.hashCode(dataNames[i]);
                h = h * 31 + dataTypes[i];
            }
            h = h * 31 + Objects.hashCode(userDataSignature);
            h = h * 31 + Objects.hashCode(otherSignature);
            hash = h == 0 ? 1 : h;
        }
        return hash;
    }

    @Override
    public boolean equals(Object o) {
        if (this == o) {
            return true;
        }
        if (!(o instanceof TemplateKey k) || k.presence != presence || k.dataCount != dataCount
                || k.hashCode() != hashCode()) {
            return false;
        }
        for (int i = 0; i < dataCount; i++) {
            if (k.dataTypes[i] != dataTypes[i] || !Objects.equals(k.dataNames[i], dataNames[i])) {
                return false;
            }
        }
        return Objects.equals(providerName, k.providerName) && Objects.equals(providerGuidText, k.providerGuidText)
                && Objects.equals(eventSourceName, k.eventSourceName)
                && Objects.equals(userDataSignature, k.userDataSignature)
                && Objects.equals(otherSignature, k.otherSignature);
    }
}
