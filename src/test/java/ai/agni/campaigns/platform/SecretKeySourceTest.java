package ai.agni.campaigns.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Where the key comes from: the configured value, checked; else the data directory's key file,
 * created owner-only on first start and the same on every later one.
 */
class SecretKeySourceTest {

  @TempDir Path temp;

  @Test
  void withoutAConfiguredKeyAFileIsCreatedOwnerOnlyAndReused() throws IOException {
    Path data = temp.resolve("data");

    byte[] first = SecretKeySource.load("", data);
    Path file = data.resolve("secret.key");
    assertThat(Files.getPosixFilePermissions(file)).isEqualTo(DataDirectory.OWNER_ONLY_FILE);
    assertThat(Files.getPosixFilePermissions(data)).isEqualTo(DataDirectory.OWNER_ONLY_DIRECTORY);
    assertThat(first).hasSize(32);
    assertThat(Base64.getDecoder().decode(Files.readString(file).trim())).isEqualTo(first);
    String content = Files.readString(file);

    assertThat(SecretKeySource.load(null, data)).isEqualTo(first);
    assertThat(Files.readString(file)).isEqualTo(content);
    assertThat(Files.list(data)).containsExactly(file);
  }

  @Test
  void aConfiguredKeyWinsAndNoFileIsWritten() {
    byte[] key = new byte[32];
    key[0] = 7;
    Path data = temp.resolve("data");

    assertThat(SecretKeySource.load(" " + Base64.getEncoder().encodeToString(key) + "\n", data))
        .isEqualTo(key);
    assertThat(data.resolve("secret.key")).doesNotExist();
  }

  @Test
  void aWrongConfiguredKeyFailsNamingTheVariableNeverEchoingTheValue() {
    assertThatThrownBy(() -> SecretKeySource.load("not base64 at all!", temp))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("AGNI_SECRET_KEY")
        .hasMessageContaining("base64 of exactly 32")
        .hasMessageNotContaining("not base64 at all");
    String sixteen = Base64.getEncoder().encodeToString(new byte[16]);
    assertThatThrownBy(() -> SecretKeySource.load(sixteen, temp))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("AGNI_SECRET_KEY")
        .hasMessageContaining("decodes to 16 bytes")
        .hasMessageNotContaining(sixteen);
  }

  @Test
  void aDamagedKeyFileFailsNamingTheFile() throws IOException {
    Files.writeString(temp.resolve("secret.key"), "short\n");

    assertThatThrownBy(() -> SecretKeySource.load("", temp))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("secret.key");
  }
}
