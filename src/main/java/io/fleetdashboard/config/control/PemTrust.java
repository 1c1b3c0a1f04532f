package io.fleetdashboard.config.control;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.util.Collection;

/**
 * A CA bundle (PEM certificates) as the only certificates trusted for TLS to one remote system: a trust store for
 * {@code RestClientBuilder.trustStore}. Verification stays on; the host name is still checked.
 */
public final class PemTrust {

    private PemTrust() {
    }

    /**
     * @throws IllegalArgumentException when the text holds no certificate or is not PEM (the message says which;
     *                                  it never quotes the input)
     */
    public static KeyStore trustStore(String pem, String aliasPrefix) {
        if (pem == null || pem.isBlank()) {
            throw new IllegalArgumentException("The CA bundle is empty");
        }
        return trustStore(new ByteArrayInputStream(pem.strip().getBytes(StandardCharsets.US_ASCII)), aliasPrefix);
    }

    /** As {@link #trustStore(String, String)}, read from a stream (a PEM file). */
    public static KeyStore trustStore(InputStream pem, String aliasPrefix) {
        try {
            Collection<? extends Certificate> certificates = CertificateFactory.getInstance("X.509")
                    .generateCertificates(pem);
            if (certificates.isEmpty()) {
                throw new IllegalArgumentException("The CA bundle holds no PEM certificate");
            }
            KeyStore store = KeyStore.getInstance(KeyStore.getDefaultType());
            store.load(null, null);
            int i = 0;
            for (Certificate certificate : certificates) {
                store.setCertificateEntry(aliasPrefix + "-" + i++, certificate);
            }
            return store;
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalArgumentException("The CA bundle cannot be read as PEM certificates", e);
        }
    }

    /** The number of certificates in a PEM bundle; IllegalArgumentException as {@link #trustStore}. */
    public static int certificates(String pem) {
        try {
            return trustStore(pem, "check").size();
        } catch (GeneralSecurityException e) {
            throw new IllegalArgumentException("The CA bundle cannot be read as PEM certificates", e);
        }
    }
}
