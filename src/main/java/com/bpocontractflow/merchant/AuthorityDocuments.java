package com.bpocontractflow.merchant;

import com.bpocontractflow.common.Clocks;
import com.bpocontractflow.common.Sha256;
import com.bpocontractflow.signing.SigningProperties;
import com.bpocontractflow.validation.InvalidInputException;
import java.time.OffsetDateTime;
import java.util.Arrays;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The power of attorney (授权委托书) an authorised signatory uploads on the signing page
 * ({@code signing_authority_document}): a PDF, JPEG or PNG as its first bytes say (the name and the
 * browser's content type are not trusted), at most {@code bpo.signing.authority-document-max-size}, stored
 * with its SHA-256, which the signature records. An agent acts within the authority the principal granted
 * (Civil Code arts. 162, 165); the document is what shows that authority.
 */
@Repository
public class AuthorityDocuments {

  static final String LABEL = "「授权委托书」";

  /** A file as uploaded: its name (only for messages) and bytes. */
  public record Upload(String filename, byte[] bytes) {
    public boolean empty() {
      return bytes == null || bytes.length == 0;
    }
  }

  /** The accepted kinds, recognised by their leading bytes (also for the scan of a paper original). */
  public enum Kind {
    PDF("application/pdf", new byte[] {'%', 'P', 'D', 'F', '-'}),
    JPEG("image/jpeg", new byte[] {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF}),
    PNG("image/png", new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1A, '\n'});

    final String contentType;
    final byte[] magic;

    Kind(String contentType, byte[] magic) {
      this.contentType = contentType;
      this.magic = magic;
    }

    public String contentType() {
      return contentType;
    }

    public static Optional<Kind> of(byte[] bytes) {
      return Arrays.stream(values())
          .filter(k -> bytes.length >= k.magic.length && Arrays.equals(bytes, 0, k.magic.length, k.magic, 0, k.magic.length))
          .findFirst();
    }
  }

  private final JdbcClient jdbc;
  private final SigningProperties properties;

  public AuthorityDocuments(JdbcClient jdbc, SigningProperties properties) {
    this.jdbc = jdbc;
    this.properties = properties;
  }

  /**
   * Checks the upload and stores it for the contract, in the caller's transaction; returns its SHA-256.
   *
   * @throws InvalidInputException when no file, an empty or too large file, or not a PDF, JPEG or PNG
   */
  public String store(long contractId, Upload upload) {
    if (upload == null || upload.empty()) {
      throw new InvalidInputException(LABEL + "未上传：以授权签署人身份签署时，请上传贵司盖章的授权委托书（PDF、JPG 或 PNG）");
    }
    long max = properties.authorityDocumentMaxSize().toBytes();
    if (upload.bytes().length > max) {
      throw new InvalidInputException(LABEL + "文件过大：最大 " + megabytes(max) + "，请压缩后重新上传");
    }
    Kind kind = Kind.of(upload.bytes()).orElseThrow(() -> new InvalidInputException(
        LABEL + "文件格式不支持：只接受 PDF、JPG 或 PNG 文件（按文件内容判断，不按文件名）"));
    String sha256 = Sha256.hex(upload.bytes());
    jdbc.sql("""
            INSERT INTO signing_authority_document (contract_id, content_type, size_bytes, sha256, content, uploaded_at)
            VALUES (:contractId, :type, :size, :sha, :content, :now)
            """)
        .param("contractId", contractId).param("type", kind.contentType).param("size", upload.bytes().length)
        .param("sha", sha256).param("content", upload.bytes()).param("now", OffsetDateTime.now(Clocks.ZONE))
        .update();
    return sha256;
  }

  private static String megabytes(long bytes) {
    return bytes % (1024 * 1024) == 0 ? bytes / (1024 * 1024) + " MB" : (bytes / 1024) + " KB";
  }
}
