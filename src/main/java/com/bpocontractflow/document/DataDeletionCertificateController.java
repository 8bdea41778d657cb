package com.bpocontractflow.document;

import com.bpocontractflow.contract.ContractRepository;
import com.bpocontractflow.security.StaffAuthentication;
import com.bpocontractflow.term.DataDeletionCertificates;
import jakarta.servlet.http.HttpServletRequest;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * The deletion certificate (数据删除证明) of a contract whose data was deleted: for staff with the
 * contract's documents (logged in), for the merchant through the download link of its e-mail.
 */
@RestController
class DataDeletionCertificateController {

  private final ContractRepository contracts;
  private final DataDeletionCertificates certificates;
  private final StaffAuthentication staff;

  DataDeletionCertificateController(ContractRepository contracts, DataDeletionCertificates certificates,
      StaffAuthentication staff) {
    this.contracts = contracts;
    this.certificates = certificates;
    this.staff = staff;
  }

  @GetMapping("/staff/contracts/{number}/documents/data-deletion-certificate.pdf")
  ResponseEntity<?> forStaff(@PathVariable String number, HttpServletRequest request) {
    if (staff.currentUser(request).isEmpty()) {
      return StaffAuthentication.loginRequired();
    }
    return contracts.findByNumber(number)
        .flatMap(contract -> certificates.of(contract.id()))
        .<ResponseEntity<?>>map(certificate -> pdf(number, certificate.pdf()))
        .orElseGet(() -> ResponseEntity.status(HttpStatus.NOT_FOUND)
            .body(Map.of("message", "合同 " + number + " 没有数据删除证明（合同不存在，或数据尚未登记删除）")));
  }

  @GetMapping(DataDeletionCertificates.DOWNLOAD_PATH + "{token}")
  ResponseEntity<?> forMerchant(@PathVariable String token) {
    return certificates.byToken(token)
        .<ResponseEntity<?>>map(certificate -> pdf(contracts.get(certificate.contractId()).contractNumber(),
            certificate.pdf()))
        .orElseGet(() -> ResponseEntity.status(HttpStatus.NOT_FOUND).contentType(MediaType.TEXT_PLAIN)
            .body("链接无效：这个链接不存在或已被改动。请使用邮件中的原始链接，或直接回复邮件联系我们。"));
  }

  private static ResponseEntity<byte[]> pdf(String contractNumber, byte[] bytes) {
    ContentDisposition disposition = ContentDisposition.attachment()
        .filename("数据删除证明-" + contractNumber + ".pdf", StandardCharsets.UTF_8).build();
    return ResponseEntity.ok()
        .contentType(MediaType.APPLICATION_PDF)
        .header(HttpHeaders.CONTENT_DISPOSITION, disposition.toString())
        .header(HttpHeaders.CACHE_CONTROL, "private, no-store")
        .body(bytes);
  }
}
