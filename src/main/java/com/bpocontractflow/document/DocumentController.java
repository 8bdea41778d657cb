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
 * hashes, the signatures and review comments, each version's PDF, the final signed copy, and the check
 * whether a PDF someone presents is the version both parties signed or its final signed copy.
 */
@RestController
class DocumentController {

  private final ContractRepository contracts;
  private final ContractDocuments documents;
  private final ContractSignatures signatures;
  private final ContractFiles files;
  private final StaffAuthentication staff;
  private final SignedCopies signedCopies;

  DocumentController(ContractRepository contracts, ContractDocuments documents, ContractSignatures signatures,
      ContractFiles files, StaffAuthentication staff, SignedCopies signedCopies) {
    this.contracts = contracts;
    this.documents = documents;
    this.signatures = signatures;
    this.files = files;
    this.staff = staff;
    this.signedCopies = signedCopies;
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

  /** The final signed copy (签署完成稿): 404 before both parties have signed. */
  @GetMapping("/staff/contracts/{number}/signed-copy.pdf")
  ResponseEntity<?> signedCopy(@PathVariable String number, HttpServletRequest request) {
    return withContract(number, request, contract -> signedCopies.find(contract.id())
        .<ResponseEntity<?>>map(copy -> DocumentResponses.signedCopy(contract.contractNumber(), copy.documentVersion(),
            signedCopies.pdf(contract.id()).orElseThrow()))
        .orElseGet(() -> problem(HttpStatus.NOT_FOUND, "合同 " + number + " 尚未由双方签署，还没有签署完成稿")));
  }

  /**
   * Whether the PDF in the request body is the version both parties signed or its final signed copy (that
   * version plus the e-signature evidence page): its SHA-256 against both recorded hashes. {@code recognisedAs}
   * says which (SIGNED_VERSION, SIGNED_COPY, OTHER_VERSION, UNKNOWN); {@code signed} is true for either of
   * the first two. Also says which stored version it is, if any.
   */
  @PostMapping("/staff/contracts/{number}/documents/verify")
  ResponseEntity<Map<String, Object>> verify(@PathVariable String number, @RequestBody(required = false) byte[] pdf,
      HttpServletRequest request) {
    return withContract(number, request, contract -> {
      if (pdf == null || pdf.length == 0) {
        return problem(HttpStatus.BAD_REQUEST, "请在请求正文中提交要核验的 PDF 文件");
      }
      String sha256 = com.bpocontractflow.common.Sha256.hex(pdf);
      Optional<ContractDocuments.Version> match = documents.findByPdf(contract.id(), pdf);
      Optional<Integer> signed = signatures.signedVersion(contract.id());
      Optional<SignedCopies.SignedCopy> copy = signedCopies.find(contract.id());
      boolean isSigned = match.isPresent() && signed.isPresent() && signed.get() == match.get().version();
      // a paper contract's final copy is the signed version's PDF itself: the same hash
      boolean isCopy = copy.isPresent() && copy.get().pdfSha256().equals(sha256);
      Map<String, Object> body = new LinkedHashMap<>();
      body.put("contractNumber", contract.contractNumber());
      body.put("sha256", sha256);
      body.put("matchesVersion", match.map(ContractDocuments.Version::version).orElse(null));
      body.put("signedVersion", signed.orElse(null));
      body.put("signed", isSigned || isCopy);
      body.put("recognisedAs", isSigned ? "SIGNED_VERSION" : isCopy ? "SIGNED_COPY"
          : match.isPresent() ? "OTHER_VERSION" : "UNKNOWN");
      body.put("signedVersionSha256", copy.map(SignedCopies.SignedCopy::signedPdfSha256).orElse(null));
      body.put("signedCopySha256", copy.map(SignedCopies.SignedCopy::pdfSha256).orElse(null));
      body.put("message", isSigned ? "一致：该 PDF 就是双方签署的第 " + signed.get() + " 版"
              + (isCopy ? "（纸质合同：签署完成稿即该版本的 PDF，原件为双方盖章的纸质合同）" : "")
          : isCopy ? "一致：该 PDF 是第 " + copy.get().documentVersion() + " 版的签署完成稿（双方签署的合同文本加签署页）；"
              + "其中双方签署的合同文本的 SHA-256 为 " + copy.get().signedPdfSha256()
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
