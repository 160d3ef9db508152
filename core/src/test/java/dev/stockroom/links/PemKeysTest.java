package dev.stockroom.links;

import static dev.stockroom.links.LinksTest.KEY_ID;
import static dev.stockroom.links.LinksTest.key;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyFactory;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.Signature;
import java.security.spec.X509EncodedKeySpec;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.List;
import java.util.Random;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** Reading PEM private keys: every supported form, and every way the text can be wrong. */
class PemKeysTest {

  private static final String SOURCE = "the PEM text of key pair KTEST";
  private static final String FROM = "privateKey from " + SOURCE + " ";
  private static final String MALFORMED = "could not be read as a PEM '%s' block: the key inside "
      + "is malformed or cut short";
  private static final String NOT_PEM = FROM + "is not a PEM private key: expected a "
      + "'-----BEGIN PRIVATE KEY-----', '-----BEGIN RSA PRIVATE KEY-----' or "
      + "'-----BEGIN EC PRIVATE KEY-----' block";
  private static final String DER = FROM + "is binary DER, not PEM text; convert it first "
      + "(openssl pkey -inform DER -in key.der -out key.pem)";
  private static final String TRADITIONAL_ENCRYPTED = FROM + "is encrypted (Proc-Type: "
      + "4,ENCRYPTED); decrypt it first (openssl pkey -in key.pem -out key-plain.pem)";
  /** Far longer than parsing takes; only catches the backtracking that took tens of seconds. */
  private static final Duration HANG_GUARD = Duration.ofSeconds(5);
  private static final String[] PRIVATE_KEYS = {"rsa-pkcs8.pem", "rsa-pkcs1.pem", "ec-pkcs8.pem",
      "ec-sec1.pem", "rsa2-pkcs8.pem", "rsa-encrypted.pem", "rsa-pkcs1-encrypted.pem",
      "ec-sec1-encrypted.pem"};

  /** Every base64 line of every private key fixture, which no message may repeat. */
  private static List<String> keyLines;

  @TempDir
  Path dir;

  @ParameterizedTest
  @CsvSource({
      "rsa-pkcs8.pem, rsa-public.pem, SHA1withRSA, RSA",
      "rsa-pkcs1.pem, rsa-public.pem, SHA1withRSA, RSA",
      "ec-pkcs8.pem,  ec-public.pem,  SHA1withECDSA, EC",
      "ec-sec1.pem,   ec-public.pem,  SHA1withECDSA, EC"})
  void everySupportedForm_readsAKeyThatSignsForItsPublicKey(String file, String publicFile,
      String algorithm, String keyAlgorithm) throws Exception {
    String pem = text(file);
    PublicKey publicKey = KeyFactory.getInstance(keyAlgorithm)
        .generatePublic(new X509EncodedKeySpec(der(publicFile)));
    List<String> layouts = List.of(pem,
        pem.replace("\n", "\r\n"),
        "Key for the shop's CloudFront distribution\n\n" + pem + "\ntrailing notes\n",
        pem.strip(),
        oneLineBody(pem),
        pem.replace("-----\n", "-----\n\n").replace("\n-----", "\n\n-----"));
    for (String layout : layouts) {
      PrivateKey key = PemKeys.read(layout, SOURCE);
      assertThat(key.getAlgorithm()).isEqualTo(keyAlgorithm);
      byte[] message = "/media/pages/a.html".getBytes(StandardCharsets.UTF_8);
      Signature signer = Signature.getInstance(algorithm);
      signer.initSign(key);
      signer.update(message);
      byte[] signature = signer.sign();
      Signature verifier = Signature.getInstance(algorithm);
      verifier.initVerify(publicKey);
      verifier.update(message);
      assertThat(verifier.verify(signature)).as(file).isTrue();
    }
  }

  @Test
  void keyPair_fromFile_readsEachForm() {
    for (String file : List.of("rsa-pkcs8.pem", "rsa-pkcs1.pem", "ec-pkcs8.pem", "ec-sec1.pem")) {
      CloudFrontSettings settings = CloudFrontSettings.builder().domain(LinksTest.DOMAIN)
          .keyPair(KEY_ID, key(file)).build();
      assertThat(settings.keys()).containsOnlyKeys(KEY_ID);
    }
  }

  @Test
  void beginLineThenSpaces_isRefusedQuickly() {
    String begin = "-----BEGIN PRIVATE KEY-----";
    assertRefused(begin + " ".repeat(100_000), FROM + "is too long for a PEM private key: "
        + "100027 characters, more than 65536 (64 KiB); pass only the key's PEM text");
    // Under the limit, the scan itself must stay linear.
    assertRefused(begin + " ".repeat(65_000), FROM + "has a '-----BEGIN PRIVATE KEY-----' line "
        + "with no matching '-----END PRIVATE KEY-----' line after it; the key text may be cut "
        + "short");
    assertRefused(begin + " ".repeat(65_000) + "-----END PRIVATE KEY-----",
        FROM + String.format(MALFORMED, "PRIVATE KEY"));
    assertRefused("-----BEGIN " + " ".repeat(65_000), FROM + "has a malformed '-----BEGIN' line; "
        + "expected '-----BEGIN PRIVATE KEY-----', '-----BEGIN RSA PRIVATE KEY-----' or "
        + "'-----BEGIN EC PRIVATE KEY-----'");
    assertRefused("-----BEGIN " + "A".repeat(65_000) + "-----", FROM + "has a malformed "
        + "'-----BEGIN' line; expected '-----BEGIN PRIVATE KEY-----', "
        + "'-----BEGIN RSA PRIVATE KEY-----' or '-----BEGIN EC PRIVATE KEY-----'");
    assertRefused("-----BEGIN PRIVATE KEY-----\n" + "A\n".repeat(32_000)
        + "-----END PRIVATE KEY-----", FROM + String.format(MALFORMED, "PRIVATE KEY"));
  }

  @Test
  void textOverSixtyFourKib_isRefused_andAtTheLimitIsRead() throws Exception {
    String pem = text("rsa-pkcs8.pem");
    String atLimit = "x".repeat(PemKeys.MAX_LENGTH - pem.length() - 1) + "\n" + pem;
    assertThat(atLimit).hasSize(65_536);
    assertThat(PemKeys.read(atLimit, SOURCE).getAlgorithm()).isEqualTo("RSA");

    assertRefused(atLimit + "\n", FROM + "is too long for a PEM private key: 65537 characters, "
        + "more than 65536 (64 KiB); pass only the key's PEM text");
  }

  @Test
  void fileOverSixtyFourKib_isRefusedBeforeReading_andAtTheLimitIsRead() throws Exception {
    String pem = text("ec-sec1.pem");
    Path atLimit = Files.writeString(dir.resolve("at-limit.pem"),
        "x".repeat(PemKeys.MAX_LENGTH - pem.length() - 1) + "\n" + pem);
    assertThat(Files.size(atLimit)).isEqualTo(65_536);
    assertThat(CloudFrontSettings.builder().keyPair(KEY_ID, atLimit)).isNotNull();

    Path tooLarge = Files.writeString(dir.resolve("too-large.pem"), pem + "x".repeat(65_536));
    assertThatThrownBy(() -> CloudFrontSettings.builder().keyPair(KEY_ID, tooLarge))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("privateKey from '" + tooLarge + "' is too large for a PEM private key: "
            + (pem.length() + 65_536) + " bytes, more than 65536 (64 KiB); check that it is the "
            + "key file");
  }

  @Test
  void manyBeginLinesWithoutEnd_areRefusedQuickly() {
    String line = "-----BEGIN PRIVATE KEY-----\n";
    assertRefused(line.repeat(PemKeys.MAX_LENGTH / line.length()), FROM + "has a '-----BEGIN "
        + "PRIVATE KEY-----' line with no matching '-----END PRIVATE KEY-----' line after it; the "
        + "key text may be cut short");
    assertRefused("-----BEGIN ".repeat(PemKeys.MAX_LENGTH / 11), FROM + "has a malformed "
        + "'-----BEGIN' line; expected '-----BEGIN PRIVATE KEY-----', "
        + "'-----BEGIN RSA PRIVATE KEY-----' or '-----BEGIN EC PRIVATE KEY-----'");
  }

  @ParameterizedTest
  @ValueSource(strings = {"rsa-pkcs8.pem", "rsa-pkcs1.pem", "ec-pkcs8.pem", "ec-sec1.pem"})
  void unterminatedOrMismatchedBlock_isRefused(String file) throws Exception {
    String pem = text(file);
    String label = label(pem);
    String unterminated = FROM + "has a '-----BEGIN " + label + "-----' line with no matching "
        + "'-----END " + label + "-----' line after it; the key text may be cut short";
    String withoutEnd = pem.substring(0, pem.indexOf("-----END"));
    assertRefused(withoutEnd, unterminated);
    assertRefused(withoutEnd + "-----END", unterminated);
    assertRefused(withoutEnd + "-----END CERTIFICATE-----\n", unterminated);
    assertRefused(withoutEnd + withoutEnd + pem, unterminated);
    assertRefused(pem.substring(0, pem.length() - 2), unterminated);
  }

  @Test
  void malformedBoundaries_areRefused() throws Exception {
    String pem = text("rsa-pkcs8.pem");
    String malformed = FROM + "has a malformed '-----BEGIN' line; expected "
        + "'-----BEGIN PRIVATE KEY-----', '-----BEGIN RSA PRIVATE KEY-----' or "
        + "'-----BEGIN EC PRIVATE KEY-----'";
    assertRefused(pem.replace("-----BEGIN PRIVATE KEY-----", "-----BEGIN PRIVATE KEY----"),
        malformed);
    assertRefused(pem.replace("BEGIN PRIVATE KEY", "BEGIN private key"), malformed);
    assertRefused(pem.replace("BEGIN PRIVATE KEY-----\n", "BEGIN PRIVATE KEY\n"), malformed);
    assertRefused(pem.replace("BEGIN PRIVATE KEY", "BEGIN "), malformed);
    assertRefused(pem.replace("-----BEGIN PRIVATE KEY-----", "-----BEGIN PRIVATE KEY------"),
        FROM + "is not valid base64 inside its 'PRIVATE KEY' block");
  }

  @Test
  void badBase64_isRefused() throws Exception {
    String pem = text("rsa-pkcs8.pem");
    String bad = FROM + "is not valid base64 inside its 'PRIVATE KEY' block";
    String start = "-----\nM";
    assertRefused(pem.replace(start, "-----\n*M"), bad);
    assertRefused(pem.replace(start, "-----\néM"), bad);
    assertRefused(pem.replace(start, "-----\nM="), bad);
    assertRefused(pem.replace(start, "-----\nMA"), bad);
    assertRefused(pem.replace(start, "-----\nComment: exported by hand\nM"), bad);
  }

  @ParameterizedTest
  @ValueSource(strings = {"rsa-pkcs8.pem", "rsa-pkcs1.pem", "ec-pkcs8.pem", "ec-sec1.pem"})
  void everyTruncationOfTheDer_isAnIllegalArgument(String file) throws Exception {
    byte[] der = der(file);
    String label = label(text(file));
    String malformed = FROM + String.format(MALFORMED, label);
    for (int length = 0; length < der.length; length++) {
      assertRefused(frame(label, Arrays.copyOf(der, length)), malformed);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"PRIVATE KEY", "RSA PRIVATE KEY", "EC PRIVATE KEY"})
  void randomDer_isAnIllegalArgument(String label) {
    Random random = new Random(20261122L);
    String malformed = FROM + String.format(MALFORMED, label);
    for (int i = 0; i < 300; i++) {
      byte[] der = new byte[random.nextInt(400)];
      random.nextBytes(der);
      if (i % 2 == 0 && der.length > 2) {
        // Start like a key so the parsers get further in.
        der[0] = 0x30;
        der[1] = (byte) (i % 4 == 0 ? der.length - 2 : 0x82);
      }
      assertRefused(frame(label, der), malformed);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"rsa-pkcs8.pem", "rsa-pkcs1.pem", "ec-pkcs8.pem", "ec-sec1.pem"})
  void corruptedDer_readsOrIsAnIllegalArgument_namingTheSource(String file) throws Exception {
    byte[] der = der(file);
    String label = label(text(file));
    Random random = new Random(file.hashCode());
    for (int i = 0; i < 300; i++) {
      byte[] corrupted = der.clone();
      for (int flips = 1 + random.nextInt(3); flips > 0; flips--) {
        // Mostly near the start, where the tags and lengths are.
        int at = random.nextBoolean() ? random.nextInt(Math.min(40, der.length))
            : random.nextInt(der.length);
        corrupted[at] = (byte) random.nextInt(256);
      }
      String pem = frame(label, corrupted);
      Throwable thrown = catchThrowable(() -> PemKeys.read(pem, SOURCE));
      if (thrown != null) {
        assertThat(thrown).isInstanceOf(IllegalArgumentException.class)
            .hasMessage(FROM + String.format(MALFORMED, label));
      }
    }
  }

  @Test
  void malformedSec1Lengths_areAnIllegalArgument() {
    String malformed = FROM + String.format(MALFORMED, "EC PRIVATE KEY");
    for (String hex : List.of(
        "3010020101",               // outer length past the end
        "3006a00406082a86",         // curve OID length past the end
        "3007a083ffffff0601",       // [0] length past the end
        "3004a0020601",             // [0] shorter than the OID it holds
        "3084000000050201010400",   // four length bytes
        "3080020101a0000000",       // indefinite length
        "3003020101",               // no curve
        "3005a0030400ff",           // [0] holds no OID
        "30",                       // no length
        "",
        // a private value of 0, and one equal to P-256's order
        "3011020101" + "0400" + "a00a06082a8648ce3d030107",
        "3031020101" + "0420ffffffff00000000ffffffffffffffffbce6faada7179e84f3b9cac2fc632551"
            + "a00a06082a8648ce3d030107")) {
      assertRefused(frame("EC PRIVATE KEY", HexFormat.of().parseHex(hex)), malformed);
    }
  }

  @Test
  void encryptedKeys_sayHowToDecrypt() throws Exception {
    assertRefused(text("rsa-pkcs1-encrypted.pem"), TRADITIONAL_ENCRYPTED);
    assertRefused(text("ec-sec1-encrypted.pem"), TRADITIONAL_ENCRYPTED);
    assertRefused(text("rsa-encrypted.pem"), FROM + "is encrypted; decrypt it first "
        + "(openssl pkcs8 -topk8 -nocrypt)");
    assertRefused(text("rsa-pkcs1-encrypted.pem").replace("\n", "\r\n"), TRADITIONAL_ENCRYPTED);
  }

  @ParameterizedTest
  @ValueSource(strings = {"rsa-pkcs8.pem", "rsa-pkcs1.pem", "ec-pkcs8.pem", "ec-sec1.pem"})
  void binaryDer_saysHowToConvert(String file) throws Exception {
    byte[] der = der(file);
    assertRefused(new String(der, StandardCharsets.ISO_8859_1), DER);
    assertRefused(new String(der, StandardCharsets.UTF_8), DER);

    Path derFile = Files.write(dir.resolve("key.der"), der);
    assertThatThrownBy(() -> CloudFrontSettings.builder().keyPair(KEY_ID, derFile))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("privateKey from '" + derFile + "' is binary DER, not PEM text; convert it "
            + "first (openssl pkey -inform DER -in key.der -out key.pem)");
  }

  @Test
  void otherBlocksAndText_areNotPrivateKeys() throws Exception {
    assertRefused(text("rsa-public.pem"), FROM + "is a PEM 'PUBLIC KEY' block, not a private key");
    assertRefused(text("ec-public.pem") + text("ec-pkcs8.pem"),
        FROM + "is a PEM 'PUBLIC KEY' block, not a private key");
    assertRefused(frame("CERTIFICATE", der("rsa-public.pem")),
        FROM + "is a PEM 'CERTIFICATE' block, not a private key");
    assertRefused("", NOT_PEM);
    assertRefused("garbage", NOT_PEM);
    assertRefused("0 is not a key", NOT_PEM);
    assertRefused(body(text("rsa-pkcs8.pem")), NOT_PEM);
    assertRefused("-----END PRIVATE KEY-----", NOT_PEM);
  }

  @Test
  void emptyBlock_isMalformed() {
    assertRefused("-----BEGIN PRIVATE KEY-----\n-----END PRIVATE KEY-----\n",
        FROM + String.format(MALFORMED, "PRIVATE KEY"));
  }

  @Test
  void fileSource_isNamedWithControlCharactersEscaped() throws Exception {
    Path oddName = Files.writeString(dir.resolve("odd\tname.pem"), "garbage");
    assertThatThrownBy(() -> CloudFrontSettings.builder().keyPair(KEY_ID, oddName))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("privateKey from '" + oddName.toString().replace("\t", "\\u0009") + "' is not "
            + "a PEM private key: expected a '-----BEGIN PRIVATE KEY-----', "
            + "'-----BEGIN RSA PRIVATE KEY-----' or '-----BEGIN EC PRIVATE KEY-----' block");
  }

  /**
   * Asserts that reading {@code pem} fails, well within the hang guard, with an
   * IllegalArgumentException with exactly {@code message}, which repeats no line of any key.
   */
  private static void assertRefused(String pem, String message) {
    Throwable thrown = assertTimeoutPreemptively(HANG_GUARD,
        () -> catchThrowable(() -> PemKeys.read(pem, SOURCE)));
    assertThat(thrown).isInstanceOf(IllegalArgumentException.class).hasMessage(message)
        .hasNoCause();
    for (String line : keyLines()) {
      assertThat(thrown.getMessage()).doesNotContain(line);
    }
  }

  private static List<String> keyLines() {
    if (keyLines != null) {
      return keyLines;
    }
    List<String> lines = new ArrayList<>();
    for (String file : PRIVATE_KEYS) {
      String body = body(text(file));
      // Every base64 line; the "Proc-Type:" and "DEK-Info:" headers are not key text.
      body.lines().filter(line -> line.length() >= 16 && !line.contains(":")).forEach(lines::add);
    }
    keyLines = lines;
    return lines;
  }

  private static String text(String file) {
    try {
      return Files.readString(key(file));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The lines between the BEGIN and END lines, headers and all. */
  private static String body(String pem) {
    return pem.lines().filter(line -> !line.startsWith("-----"))
        .collect(Collectors.joining("\n"));
  }

  private static String label(String pem) {
    return pem.substring("-----BEGIN ".length(), pem.indexOf("-----", 5));
  }

  private static byte[] der(String file) {
    return Base64.getMimeDecoder().decode(body(text(file)));
  }

  private static String frame(String label, byte[] der) {
    String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
        .encodeToString(der);
    return "-----BEGIN " + label + "-----\n" + body + (body.isEmpty() ? "" : "\n")
        + "-----END " + label + "-----\n";
  }

  private static String oneLineBody(String pem) {
    String label = label(pem);
    return "-----BEGIN " + label + "-----" + body(pem).replace("\n", "")
        + "-----END " + label + "-----";
  }
}
