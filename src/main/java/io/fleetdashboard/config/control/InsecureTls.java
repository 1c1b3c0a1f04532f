package io.fleetdashboard.config.control;

import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.security.cert.X509Certificate;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManager;
import javax.net.ssl.X509TrustManager;

/**
 * What a "verify SSL: false" setting asks for (PORTAINER_VERIFY_SSL, KIBANA_VERIFY_SSL): a TLS context that trusts
 * every certificate. Used with a host name verifier that accepts every host; callers log a warning once.
 */
public final class InsecureTls {

    private InsecureTls() {
    }

    public static SSLContext trustingEveryCertificate() {
        TrustManager trustAll = new X509TrustManager() {
            @Override
            public void checkClientTrusted(X509Certificate[] chain, String authType) {
                // trusting everything is what verifySsl=false asks for
            }

            @Override
            public void checkServerTrusted(X509Certificate[] chain, String authType) {
                // trusting everything is what verifySsl=false asks for
            }

            @Override
            public X509Certificate[] getAcceptedIssuers() {
                return new X509Certificate[0];
            }
        };
        try {
            SSLContext context = SSLContext.getInstance("TLS");
            context.init(null, new TrustManager[] {trustAll}, new SecureRandom());
            return context;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
