package com.bpocontractflow.document;

import java.nio.charset.StandardCharsets;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/** HTTP responses carrying a contract PDF. */
public final class DocumentResponses {

  private DocumentResponses() {
  }

  /** The PDF as a download named after the contract and version, never cached by shared caches. */
  public static ResponseEntity<byte[]> pdf(String contractNumber, int version, byte[] bytes) {
    return pdf("客服外包合同-" + contractNumber + "-第" + version + "版.pdf", bytes);
  }

  /** The final signed copy (签署完成稿) as a download named after the contract and the version signed. */
  public static ResponseEntity<byte[]> signedCopy(String contractNumber, int version, byte[] bytes) {
    return pdf("客服外包合同-" + contractNumber + "-第" + version + "版-签署完成稿.pdf", bytes);
  }

  private static ResponseEntity<byte[]> pdf(String filename, byte[] bytes) {
    ContentDisposition disposition = ContentDisposition.attachment()
        .filename(filename, StandardCharsets.UTF_8).build();
    return ResponseEntity.ok()
        .contentType(MediaType.APPLICATION_PDF)
        .header(HttpHeaders.CONTENT_DISPOSITION, disposition.toString())
        .header(HttpHeaders.CACHE_CONTROL, "private, no-store")
        .body(bytes);
  }
}
