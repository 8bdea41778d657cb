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
  private final ContractFiles files;
  private final StaffAuthentication staff;

  DocumentPage(ContractRepository contracts, ContractFiles files, StaffAuthentication staff) {
    this.contracts = contracts;
    this.files = files;
    this.staff = staff;
  }

  @GetMapping(path = "/staff/contracts/{number}", produces = "text/html")
  String page(@PathVariable String number, Model model, HttpServletRequest request, HttpServletResponse response) {
    if (staff.currentUser(request).isEmpty()) {
      return StaffAuthentication.loginRequiredPage(response);
    }
    return contracts.findByNumber(number).map(contract -> {
      model.addAttribute("contract", contract);
      model.addAttribute("statusLabel", ContractStatus.valueOf(contract.status()).label());
      model.addAllAttributes(files.of(contract));
      return "staff/contract-documents";
    }).orElseGet(() -> {
      response.setStatus(HttpServletResponse.SC_NOT_FOUND);
      model.addAttribute("message", "合同编号 " + number + " 不存在");
      return "staff/message";
    });
  }
}
