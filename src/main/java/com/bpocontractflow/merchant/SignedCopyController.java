package com.bpocontractflow.merchant;

import com.bpocontractflow.contract.Contract;
import com.bpocontractflow.contract.ContractRepository;
import com.bpocontractflow.document.DocumentResponses;
import com.bpocontractflow.document.SignedCopies;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

/**
 * {@code GET /m/<token>/signed-contract.pdf}: the final signed copy of the contract the link is bound to, for
 * the merchant, without an account (the link from the e-mail sent once both parties signed). Read-only and
 * usable any number of times while valid; a forged, other-kind or expired link gets the page that says so.
 */
@Controller
class SignedCopyController {

  private final MerchantLinks links;
  private final ContractRepository contracts;
  private final SignedCopies signedCopies;

  SignedCopyController(MerchantLinks links, ContractRepository contracts, SignedCopies signedCopies) {
    this.links = links;
    this.contracts = contracts;
    this.signedCopies = signedCopies;
  }

  @GetMapping("/m/{token}/signed-contract.pdf")
  String download(@PathVariable String token, Model model, HttpServletResponse response) throws IOException {
    MerchantLinks.Resolved resolved = links.resolveSignedCopy(token);
    Optional<byte[]> pdf = resolved.status() == LinkStatus.VALID
        ? signedCopies.pdf(resolved.link().contractId()) : Optional.empty();
    if (pdf.isEmpty()) {
      LinkStatus status = resolved.status() == LinkStatus.VALID ? LinkStatus.UNKNOWN : resolved.status();
      response.setStatus(status.httpStatus());
      model.addAttribute("status", status);
      return "merchant/refused";
    }
    Contract contract = contracts.get(resolved.link().contractId());
    ResponseEntity<byte[]> download = DocumentResponses.signedCopy(contract.contractNumber(), resolved.link().round(),
        pdf.get());
    download.getHeaders().forEach((name, values) -> values.forEach(value -> response.addHeader(name, value)));
    response.setContentLength(pdf.get().length);
    response.getOutputStream().write(pdf.get());
    return null; // the response is written
  }
}
