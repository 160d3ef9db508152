package dev.stockroom.internal.transfer;

import java.util.List;
import java.util.Optional;
import software.amazon.awssdk.services.s3.model.Part;

/**
 * Checks the parts a paused multipart upload left in the store before they are trusted: the
 * Transfer Manager skips every part the store lists, so a part cut short by the pause (a store
 * may keep one whose body never arrived whole), or one without the checksum the upload was
 * created with, would make the completed object unsound.
 */
final class PausedParts {

  private PausedParts() {}

  /** Returns what is wrong with {@code parts}, or empty when the resume can trust them. */
  static Optional<String> problem(List<Part> parts, UploadRequest.ResumePoint resume,
      long fileSize, boolean checksums) {
    if (parts.isEmpty() && resume.transferredParts() > 0) {
      return Optional.of("its multipart upload is gone from the store");
    }
    long lastPart = resume.totalParts();
    long lastSize = fileSize - (lastPart - 1) * resume.partSize();
    for (Part part : parts) {
      int number = part.partNumber() == null ? 0 : part.partNumber();
      long expected = number == lastPart ? lastSize : resume.partSize();
      if (number < 1 || number > lastPart || part.size() == null || part.size() != expected) {
        return Optional.of("part " + number + " in the store holds " + part.size()
            + " bytes where the file's part has " + expected);
      }
      if (checksums && part.checksumCRC32C() == null) {
        return Optional.of("part " + number + " in the store has no CRC32C checksum");
      }
    }
    return Optional.empty();
  }
}
