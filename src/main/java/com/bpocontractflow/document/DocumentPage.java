package com.bpocontractflow.document;

import com.bpocontractflow.contract.ContractRepository;
import com.bpocontractflow.contract.ContractStatus;
import com.bpocontractflow.security.StaffAuthentication;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * {@code GET /staff/contracts/{number}}: a contract's documents as a page for staff — its versions with
 * their SHA-256 and download links, the signatures, the review comments — the same as the JSON of
 * {@code /staff/contracts/{number}/documents} (DocumentController).
 */
@Controller
class DocumentPage {

  private final ContractRepository contracts;
  private final ContractDocuments documents;
  private final ContractSignatures signatures;
  private final ReviewRounds reviewRounds;
  private final StaffAuthentication staff;

  DocumentPage(ContractRepository contracts, ContractDocuments documents, ContractSignatures signatures,
      ReviewRounds reviewRounds, StaffAuthentication staff) {
    this.contracts = contracts;
    this.documents = documents;
    this.signatures = signatures;
    this.reviewRounds = reviewRounds;
    this.staff = staff;
  }

  @GetMapping(path = "/staff/contracts/{number}", produces = "text/html")
  String page(@PathVariable String number, Model model, HttpServletRequest request, HttpServletResponse response) {
    if (staff.currentUser(request).isEmpty()) {
      response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
      response.setHeader("WWW-Authenticate", "Basic realm=\"BPO Contract Flow staff\", charset=\"UTF-8\"");
      return "staff/login-required";
    }
    return contracts.findByNumber(number).map(contract -> {
      model.addAttribute("contract", contract);
      model.addAttribute("statusLabel", ContractStatus.valueOf(contract.status()).label());
      model.addAttribute("versions", documents.versions(contract.id()));
      model.addAttribute("signatures", signatures.of(contract.id()));
      model.addAttribute("signedVersion", signatures.signedVersion(contract.id()).orElse(null));
      model.addAttribute("comments", reviewRounds.comments(contract.id()));
      return "staff/contract-documents";
    }).orElseGet(() -> {
      response.setStatus(HttpServletResponse.SC_NOT_FOUND);
      model.addAttribute("message", "合同编号 " + number + " 不存在");
      return "staff/message";
    });
  }
}
