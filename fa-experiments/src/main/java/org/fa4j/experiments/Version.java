package org.fa4j.experiments;

/** The software version written into every result. */
final class Version {
    static final String VERSION = "0.1.0-SNAPSHOT";

    private Version() {
    }
}
