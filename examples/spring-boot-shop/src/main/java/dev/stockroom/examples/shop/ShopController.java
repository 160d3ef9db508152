package dev.stockroom.examples.shop;

import dev.stockroom.exception.PolicyViolationException;
import dev.stockroom.Stockroom;
import dev.stockroom.exception.StockroomException;
import dev.stockroom.links.SignedLink;
import dev.stockroom.transfer.StoredObject;
import java.io.IOException;
import java.net.URI;
import java.time.Duration;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.UUID;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** The shop's HTTP API over Stockroom. */
@RestController
class ShopController {

  private static final Duration IMAGE_LINK_LIFETIME = Duration.ofHours(1);

  private final Stockroom stockroom;

  ShopController(Stockroom stockroom) {
    this.stockroom = stockroom;
  }

  /** Stores a product image under {@code <sku>/<file name>}. */
  @PostMapping("/products/{sku}/images")
  ResponseEntity<Map<String, Object>> uploadImage(@PathVariable String sku,
      @RequestParam("file") MultipartFile file) throws IOException {
    String name = sku + "/" + file.getOriginalFilename();
    StoredObject stored = stockroom.media().productImage(name).withMetadata("sku", sku)
        .upload(file.getInputStream(), file.getSize(), contentType(file));
    return ResponseEntity.created(URI.create("/products/" + sku + "/images/"
        + file.getOriginalFilename())).body(describe(stored));
  }

  /** Redirects to a CloudFront signed link for the image. */
  @GetMapping("/products/{sku}/images/{name}")
  ResponseEntity<Void> image(@PathVariable String sku, @PathVariable String name) {
    SignedLink link = stockroom.links().url(
        stockroom.policies().policy(dev.stockroom.policy.DataKind.PRODUCT_IMAGE).prefix() + sku
            + "/" + name, IMAGE_LINK_LIFETIME);
    return ResponseEntity.status(HttpStatus.FOUND).location(link.toUri()).build();
  }

  /** Stores an order (SSE-KMS, never linkable). */
  @PostMapping(path = "/orders", consumes = "application/json")
  ResponseEntity<Map<String, Object>> order(@RequestBody byte[] json) {
    String id = UUID.randomUUID().toString();
    String name = LocalDate.now(ZoneOffset.UTC).toString().replace('-', '/') + "/" + id + ".json";
    StoredObject stored = stockroom.transactional().order(name).upload(json, "application/json");
    return ResponseEntity.status(HttpStatus.CREATED).body(describe(stored));
  }

  @ExceptionHandler(IllegalArgumentException.class)
  ResponseEntity<Map<String, Object>> badRequest(IllegalArgumentException e) {
    return ResponseEntity.badRequest().body(Map.of("error", e.getMessage()));
  }

  @ExceptionHandler(PolicyViolationException.class)
  ResponseEntity<Map<String, Object>> refused(PolicyViolationException e) {
    return ResponseEntity.status(HttpStatus.FORBIDDEN).body(Map.of("error", e.getMessage()));
  }

  @ExceptionHandler(StockroomException.class)
  ResponseEntity<Map<String, Object>> storageFailed(StockroomException e) {
    return ResponseEntity.status(HttpStatus.BAD_GATEWAY).body(Map.of("error", e.getMessage()));
  }

  private static String contentType(MultipartFile file) {
    return file.getContentType() != null ? file.getContentType() : "application/octet-stream";
  }

  private static Map<String, Object> describe(StoredObject stored) {
    return Map.of("key", stored.key(), "size", stored.size(), "eTag", stored.eTag(),
        "encryption", stored.encryption().map(Object::toString).orElse("none"), "storageClass",
        stored.storageClass().toString());
  }
}
