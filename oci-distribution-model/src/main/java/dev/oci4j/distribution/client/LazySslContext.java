package dev.oci4j.distribution.client;

import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.function.Supplier;
import javax.net.ssl.KeyManager;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLContextSpi;
import javax.net.ssl.SSLEngine;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLServerSocketFactory;
import javax.net.ssl.SSLSessionContext;
import javax.net.ssl.SSLSocketFactory;
import javax.net.ssl.TrustManager;

/**
 * A TLS context made on first use. {@code HttpClient} asks for its context when it is built, and the JDK's
 * default one reads the trust store and sets up every cipher suite then: about 0.1 s of CPU at the start
 * of every {@code oci pull} or {@code push}, for nothing when the registry is reached over plain HTTP
 * (loopback registries). The real context is made when the first TLS connection opens.
 *
 * <p>The client's default {@link SSLParameters} are empty, so connections keep the real context's
 * defaults (protocols, cipher suites); the client adds host name verification and server names itself.
 */
final class LazySslContext extends SSLContext {

    /** How the real context is made. */
    @FunctionalInterface
    interface Factory {
        SSLContext create() throws GeneralSecurityException;
    }

    LazySslContext(Factory factory) {
        super(new Spi(factory), null, "TLS");
    }

    /** The JDK's default context ({@link SSLContext#getDefault()}), made on first use. */
    static SSLContext ofDefault() {
        return new LazySslContext(SSLContext::getDefault);
    }

    private static final class Spi extends SSLContextSpi {
        private final Supplier<SSLContext> real;

        Spi(Factory factory) {
            this.real = new Supplier<>() {
                private SSLContext context;

                @Override
                public synchronized SSLContext get() {
                    if (context == null) {
                        try {
                            context = factory.create();
                        } catch (GeneralSecurityException e) {
                            throw new IllegalStateException("TLS is not available in this JDK: " + e.getMessage(), e);
                        }
                    }
                    return context;
                }
            };
        }

        @Override
        protected void engineInit(KeyManager[] km, TrustManager[] tm, SecureRandom sr) {
            throw new UnsupportedOperationException("a lazy TLS context is configured by its factory");
        }

        @Override
        protected SSLSocketFactory engineGetSocketFactory() {
            return real.get().getSocketFactory();
        }

        @Override
        protected SSLServerSocketFactory engineGetServerSocketFactory() {
            return real.get().getServerSocketFactory();
        }

        @Override
        protected SSLEngine engineCreateSSLEngine() {
            return real.get().createSSLEngine();
        }

        @Override
        protected SSLEngine engineCreateSSLEngine(String host, int port) {
            return real.get().createSSLEngine(host, port);
        }

        @Override
        protected SSLSessionContext engineGetServerSessionContext() {
            return real.get().getServerSessionContext();
        }

        @Override
        protected SSLSessionContext engineGetClientSessionContext() {
            return real.get().getClientSessionContext();
        }

        @Override
        protected SSLParameters engineGetDefaultSSLParameters() {
            // Asked for when the HttpClient is built: empty parameters change nothing on a connection.
            return new SSLParameters();
        }

        @Override
        protected SSLParameters engineGetSupportedSSLParameters() {
            return real.get().getSupportedSSLParameters();
        }
    }
}
