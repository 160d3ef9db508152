package dev.stockroom.transfer;

import dev.stockroom.policy.DataKind;
import java.nio.file.Path;

/**
 * What a paused file upload needs to resume: the object, the file (path, size, modification
 * time) and the parts already sent, signed with the Stockroom instance's resume token key.
 * {@link #asString()} saves it (to a file, a database) and {@code stockroom.resume(text)} resumes
 * it, also in another process that holds the same key. It holds no credentials and no object
 * bytes. A token read back is untrusted: Stockroom refuses one that was altered or signed with
 * another key, rebuilds the upload from the policy in force (never from the token), and refuses
 * a file that changed since the pause.
 */
public interface ResumeToken {

  /** Returns the kind the object is stored as. */
  DataKind kind();

  /** Returns the bucket. */
  String bucket();

  /** Returns the object's full key. */
  String key();

  /** Returns the file being uploaded. */
  Path file();

  /** Returns the token as signed text, to save and resume later. */
  String asString();
}
