package dev.proofline.lean;

/** What {@code proofline doctor} reports of a runtime. */
public record RuntimeInfo(String runtime, String leanVersion, String origin) {}
