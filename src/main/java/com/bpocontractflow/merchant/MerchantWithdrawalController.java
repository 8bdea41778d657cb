package com.bpocontractflow.merchant;

import com.bpocontractflow.mail.MerchantMailer;
import com.bpocontractflow.security.StaffAuthentication;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * {@code /m/<token>/withdraw}: the page that asks the merchant to confirm its withdrawal and give the
 * reason, and its POST ({@link LinkWithdrawals}). A formed contract or an ended signing gets 409 with the
 * reason; a bad link the page of its state; a missing reason 400 with the form again.
 */
@Controller
class MerchantWithdrawalController {

  private final LinkWithdrawals withdrawals;
  private final MerchantMailer mailer;
  private final StaffAuthentication staff;

  MerchantWithdrawalController(LinkWithdrawals withdrawals, MerchantMailer mailer, StaffAuthentication staff) {
    this.withdrawals = withdrawals;
    this.mailer = mailer;
    this.staff = staff;
  }

  @GetMapping("/m/{token}/withdraw")
  String open(@PathVariable String token, Model model, HttpServletResponse response) {
    return page(token, withdrawals.check(token), List.of(), Map.of(), model, response);
  }

  @PostMapping("/m/{token}/withdraw")
  String withdraw(@PathVariable String token, @RequestParam Map<String, String> form, Model model,
      HttpServletRequest request, HttpServletResponse response) {
    MerchantAnswers.Client client = new MerchantAnswers.Client(request.getRemoteAddr(),
        String.valueOf(request.getHeader("User-Agent")), staff.sessionUser(request).orElse(null));
    LinkWithdrawals.Outcome outcome = withdrawals.withdraw(token, form.get("withdrawalReason"), client);
    if (!outcome.withdrawn()) {
      if (outcome.check().open()) {
        response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
      }
      return page(token, outcome.check(), outcome.problems(), form, model, response);
    }
    model.addAllAttributes(mailer.model(outcome.check().contract()));
    return "merchant/withdrawn";
  }

  private String page(String token, LinkWithdrawals.Check check, List<String> problems, Map<String, String> form,
      Model model, HttpServletResponse response) {
    if (check.contract() == null || (check.refusal() == null && check.status() != LinkStatus.VALID)) {
      response.setStatus(check.status().httpStatus());
      model.addAttribute("status", check.status());
      return "merchant/refused";
    }
    if (check.refusal() != null) {
      response.setStatus(HttpServletResponse.SC_CONFLICT);
    }
    model.addAllAttributes(mailer.model(check.contract()));
    model.addAttribute("token", token);
    model.addAttribute("refusal", check.refusal());
    model.addAttribute("problems", problems);
    model.addAttribute("form", form);
    return "merchant/withdraw";
  }
}
