/** KMS key checks for SSE-KMS uploads. */
package dev.stockroom.crypto;
