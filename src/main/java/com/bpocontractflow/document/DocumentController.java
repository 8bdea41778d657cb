package com.bpocontractflow.document;

import com.bpocontractflow.contract.Contract;
import com.bpocontractflow.contract.ContractRepository;
import com.bpocontractflow.security.StaffAuthentication;
import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The contract's documents for staff (HTTP Basic or a Camunda web-app session): the versions with their
 * hashes, the signatures and review comments, each version's PDF, and the check whether a PDF someone
 * presents is the version both parties signed.
 */
@RestController
class DocumentController {

  private final ContractRepository contracts;
  private final ContractDocuments documents;
  private final ContractSignatures signatures;
  private final ContractFiles files;
  private final StaffAuthentication staff;

  DocumentController(ContractRepository contracts, ContractDocuments documents, ContractSignatures signatures,
      ContractFiles files, StaffAuthentication staff) {
    this.contracts = contracts;
    this.documents = documents;
    this.signatures = signatures;
    this.files = files;
    this.staff = staff;
  }

  @GetMapping("/staff/contracts/{number}/documents")
  ResponseEntity<Map<String, Object>> list(@PathVariable String number, HttpServletRequest request) {
    return withContract(number, request, contract -> ResponseEntity.ok(files.of(contract)));
  }

  @GetMapping("/staff/contracts/{number}/documents/{version}.pdf")
  ResponseEntity<?> pdf(@PathVariable String number, @PathVariable int version, HttpServletRequest request) {
    return withContract(number, request, contract -> documents.pdf(contract.id(), version)
        .<ResponseEntity<?>>map(bytes -> DocumentResponses.pdf(contract.contractNumber(), version, bytes))
        .orElseGet(() -> problem(HttpStatus.NOT_FOUND, "合同 " + number + " 没有第 " + version + " 版")));
  }

  /**
   * Whether the PDF in the request body is the version both parties signed: its SHA-256 against the one
   * recorded with the signatures. Also says which stored version it is, if any.
   */
  @PostMapping("/staff/contracts/{number}/documents/verify")
  ResponseEntity<Map<String, Object>> verify(@PathVariable String number, @RequestBody(required = false) byte[] pdf,
      HttpServletRequest request) {
    return withContract(number, request, contract -> {
      if (pdf == null || pdf.length == 0) {
        return problem(HttpStatus.BAD_REQUEST, "请在请求正文中提交要核验的 PDF 文件");
      }
      String sha256 = com.bpocontractflow.merchant.Sha256.hex(pdf);
      Optional<ContractDocuments.Version> match = documents.findByPdf(contract.id(), pdf);
      Optional<Integer> signed = signatures.signedVersion(contract.id());
      boolean isSigned = match.isPresent() && signed.isPresent() && signed.get() == match.get().version();
      Map<String, Object> body = new LinkedHashMap<>();
      body.put("contractNumber", contract.contractNumber());
      body.put("sha256", sha256);
      body.put("matchesVersion", match.map(ContractDocuments.Version::version).orElse(null));
      body.put("signedVersion", signed.orElse(null));
      body.put("signed", isSigned);
      body.put("message", isSigned ? "一致：该 PDF 就是双方签署的第 " + signed.get() + " 版"
          : signed.isEmpty() ? "合同尚未由双方签署" + match.map(v -> "；该 PDF 是第 " + v.version() + " 版审阅稿").orElse("")
          : match.map(v -> "不一致：该 PDF 是第 " + v.version() + " 版，双方签署的是第 " + signed.get() + " 版")
              .orElse("不一致：该 PDF 不是本合同的任何版本，可能已被改动"));
      return ResponseEntity.ok(body);
    });
  }

  private <T> ResponseEntity<T> withContract(String number, HttpServletRequest request,
      java.util.function.Function<Contract, ResponseEntity<T>> action) {
    if (staff.currentUser(request).isEmpty()) {
      return StaffAuthentication.loginRequired();
    }
    return contracts.findByNumber(number).map(action)
        .orElseGet(() -> problem(HttpStatus.NOT_FOUND, "合同编号 " + number + " 不存在"));
  }

  @SuppressWarnings("unchecked")
  private static <T> ResponseEntity<T> problem(HttpStatus status, String message) {
    return (ResponseEntity<T>) ResponseEntity.status(status).body(Map.of("message", message));
  }

}
