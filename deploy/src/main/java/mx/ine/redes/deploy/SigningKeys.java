package mx.ine.redes.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.interfaces.RSAPublicKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.X509EncodedKeySpec;
import java.util.Base64;

/**
 * The local stack's token signing key: an RSA-2048 pair kept as PEM files ({@code private-key.pem},
 * PKCS#8; {@code public-key.pem}, X.509 SubjectPublicKeyInfo) so that the tokens written by one run
 * still verify after a restart. The services read only the public key
 * ({@code JWT_PUBLIC_KEY_LOCATION}).
 */
final class SigningKeys {

    static final String PRIVATE_KEY_FILE = "private-key.pem";
    static final String PUBLIC_KEY_FILE = "public-key.pem";

    private final KeyPair keyPair;
    private final Path publicKeyFile;
    private final boolean created;

    private SigningKeys(KeyPair keyPair, Path publicKeyFile, boolean created) {
        this.keyPair = keyPair;
        this.publicKeyFile = publicKeyFile;
        this.created = created;
    }

    /** Loads the pair from {@code directory}, or makes and stores a new one the first time. */
    static SigningKeys loadOrCreate(Path directory) {
        Path privateFile = directory.resolve(PRIVATE_KEY_FILE);
        Path publicFile = directory.resolve(PUBLIC_KEY_FILE);
        try {
            if (Files.isRegularFile(privateFile) && Files.isRegularFile(publicFile)) {
                KeyFactory rsa = KeyFactory.getInstance("RSA");
                RSAPrivateCrtKey privateKey = (RSAPrivateCrtKey) rsa.generatePrivate(
                        new PKCS8EncodedKeySpec(readPem(privateFile, "PRIVATE KEY")));
                RSAPublicKey publicKey = (RSAPublicKey) rsa.generatePublic(
                        new X509EncodedKeySpec(readPem(publicFile, "PUBLIC KEY")));
                if (!publicKey.getModulus().equals(privateKey.getModulus())) {
                    throw new IllegalStateException(publicFile + " does not belong to " + privateFile
                            + ": delete both to make a new pair.");
                }
                return new SigningKeys(new KeyPair(publicKey, privateKey), publicFile, false);
            }
            Files.createDirectories(directory);
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            KeyPair pair = generator.generateKeyPair();
            writePem(privateFile, "PRIVATE KEY", pair.getPrivate().getEncoded(), true);
            writePem(publicFile, "PUBLIC KEY", pair.getPublic().getEncoded(), false);
            return new SigningKeys(pair, publicFile, true);
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read or write the signing keys in " + directory, e);
        } catch (GeneralSecurityException | ClassCastException e) {
            throw new IllegalStateException("Unreadable signing keys in " + directory
                    + " (delete both PEM files to make a new pair)", e);
        }
    }

    KeyPair keyPair() {
        return keyPair;
    }

    Path publicKeyFile() {
        return publicKeyFile;
    }

    /** Whether this run made the pair (the first run on a data directory). */
    boolean created() {
        return created;
    }

    static String pem(String type, byte[] der) {
        String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
        return "-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n";
    }

    private static byte[] readPem(Path file, String type) throws IOException {
        String text = Files.readString(file, StandardCharsets.US_ASCII);
        int begin = text.indexOf("-----BEGIN " + type + "-----");
        int end = text.indexOf("-----END " + type + "-----");
        if (begin < 0 || end < begin) {
            throw new IOException(file + " is not a PEM '" + type + "' file");
        }
        String body = text.substring(begin + ("-----BEGIN " + type + "-----").length(), end);
        return Base64.getMimeDecoder().decode(body);
    }

    private static void writePem(Path file, String type, byte[] der, boolean secret) throws IOException {
        Path temporary = file.resolveSibling(file.getFileName() + ".tmp");
        Files.writeString(temporary, pem(type, der), StandardCharsets.US_ASCII);
        if (secret) {
            try {
                Files.setPosixFilePermissions(temporary, PosixFilePermissions.fromString("rw-------"));
            } catch (UnsupportedOperationException ignored) {
                // not a POSIX file system: keep the default permissions
            }
        }
        Files.move(temporary, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
    }
}
