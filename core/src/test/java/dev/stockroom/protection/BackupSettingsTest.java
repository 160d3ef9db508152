package dev.stockroom.protection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.stockroom.Stockroom;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.model.StorageClass;

class BackupSettingsTest {

  private static final byte[] KEY = "0123456789abcdef0123456789abcdef"
      .getBytes(StandardCharsets.US_ASCII);

  @Test
  void defaults_areTheRequirementsTiers() {
    BackupSettings settings = BackupSettings.builder().bucket("shop-backups").build();

    assertThat(settings.retentionDays(BackupTier.DAILY)).isEqualTo(7);
    assertThat(settings.retentionDays(BackupTier.WEEKLY)).isEqualTo(30);
    assertThat(settings.retentionDays(BackupTier.MONTHLY)).isEqualTo(365);
    assertThat(settings.storageClass(BackupTier.MONTHLY)).isEqualTo(StorageClass.STANDARD);
    assertThat(settings.prefix()).isEqualTo("stockroom-backups/");
    assertThat(settings.toString()).isEqualTo("BackupSettings[bucket shop-backups, prefix "
        + "'stockroom-backups/', daily 7 days STANDARD, weekly 30 days STANDARD, monthly 365 days "
        + "STANDARD]");
  }

  @Test
  void badSettings_areRefused_namingFieldAndValue() {
    BackupSettings.Builder builder = BackupSettings.builder();
    assertThatThrownBy(() -> builder.bucket("Shop_Backups"))
        .isInstanceOf(IllegalArgumentException.class).hasMessage("backups bucket must be 3 to "
            + "63 characters of lowercase letters, digits, '.' and '-', starting and ending with "
            + "a letter or digit, but was 'Shop_Backups'");
    assertThatThrownBy(() -> builder.prefix("backups"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("backups prefix must end with '/', but was 'backups'");
    assertThatThrownBy(() -> builder.prefix("a/../"))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("backups prefix must not contain '..' segments, but was 'a/../'");
    assertThatThrownBy(() -> builder.retentionDays(BackupTier.DAILY, 0))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("backups retentionDays of DAILY must be between 1 and 3650, but was 0");
    assertThatThrownBy(() -> builder.storageClass(BackupTier.MONTHLY, StorageClass.GLACIER))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("backups storageClass of MONTHLY must be one a restore reads at once "
            + "(STANDARD, STANDARD_IA, ONEZONE_IA, INTELLIGENT_TIERING, GLACIER_IR), but was "
            + "GLACIER");
    assertThatThrownBy(builder::build).isInstanceOf(IllegalStateException.class)
        .hasMessage("backups bucket must be set");
  }

  @Test
  void theStockroomBuilder_refusesBackupsThatCouldNotWork() {
    Stockroom.Builder shop = Stockroom.builder().bucket("shop-data").region(Region.EU_WEST_1)
        .kmsKeyId("alias/shop");
    assertThatThrownBy(() -> shop.protectionKey(KEY).backups(b -> b.bucket("shop-data")).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("backups bucket must differ from the bucket it backs up, but was "
            + "'shop-data'");
    assertThatThrownBy(() -> Stockroom.builder().bucket("shop-data").region(Region.EU_WEST_1)
        .protectionKey(KEY).backups(b -> b.bucket("shop-backups")).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("backups need a KMS key for their copies of transactional data: set "
            + "kmsKeyId on the backups or on the Stockroom builder");
    assertThatThrownBy(() -> Stockroom.builder().bucket("shop-data").region(Region.EU_WEST_1)
        .kmsKeyId("alias/shop").backups(b -> b.bucket("shop-backups")).build())
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("backups need protectionKey(...) on the Stockroom builder: it signs their "
            + "manifests, which a restore trusts");
    assertThatThrownBy(() -> shop.protectionKey(new byte[16]))
        .isInstanceOf(IllegalArgumentException.class)
        .hasMessage("protectionKey must be at least 32 bytes, but was 16");
  }
}
