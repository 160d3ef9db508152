package dev.stockroom.transfer;

import dev.stockroom.policy.DataKind;

/** Media: product images and videos, pages, user uploads. */
public interface MediaObjects {

  /**
   * Returns the objects of a media kind.
   *
   * @throws IllegalArgumentException if {@code kind} is not a media kind
   */
  KindObjects kind(DataKind kind);

  /** Returns the product image {@code name} ({@code media/product-images/<name>}). */
  default UploadTarget productImage(String name) {
    return productImages().object(name);
  }

  /** Returns the product video {@code name}. */
  default UploadTarget productVideo(String name) {
    return productVideos().object(name);
  }

  /** Returns the page {@code name}. */
  default UploadTarget page(String name) {
    return pages().object(name);
  }

  /** Returns the user upload {@code name}. */
  default UploadTarget userUpload(String name) {
    return userUploads().object(name);
  }

  /** Returns all product images. */
  default KindObjects productImages() {
    return kind(DataKind.PRODUCT_IMAGE);
  }

  /** Returns all product videos. */
  default KindObjects productVideos() {
    return kind(DataKind.PRODUCT_VIDEO);
  }

  /** Returns all pages. */
  default KindObjects pages() {
    return kind(DataKind.PAGE);
  }

  /** Returns all user uploads. */
  default KindObjects userUploads() {
    return kind(DataKind.USER_UPLOAD);
  }
}
