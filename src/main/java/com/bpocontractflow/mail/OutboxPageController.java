package com.bpocontractflow.mail;

import com.bpocontractflow.security.StaffAuthentication;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Staff page of the outbox ({@code /staff/outbox}): every e-mail with its recipient, subject, status and
 * time, each one rendered as the merchant receives it, with its answer links, and a retry for FAILED ones.
 * In the default run without a mail server this is where one sees the merchant's side.
 */
@Controller
class OutboxPageController {

  static final String CSRF_ATTRIBUTE = "bpo.staff.csrf";
  private static final Pattern MERCHANT_LINK = Pattern.compile("href=\"([^\"]*/m/[A-Za-z0-9_-]{43})\"");

  private final MailOutbox outbox;
  private final StaffAuthentication staff;
  private final SecureRandom random = new SecureRandom();

  OutboxPageController(MailOutbox outbox, StaffAuthentication staff) {
    this.outbox = outbox;
    this.staff = staff;
  }

  @GetMapping("/staff/outbox")
  String list(Model model, HttpServletRequest request, HttpServletResponse response) {
    Optional<String> user = staff.currentUser(request);
    if (user.isEmpty()) {
      return unauthorized(response);
    }
    model.addAttribute("user", user.get());
    model.addAttribute("mails", outbox.findRecent(500));
    model.addAttribute("pending", outbox.countByStatus(OutboxMail.PENDING));
    model.addAttribute("failed", outbox.countByStatus(OutboxMail.FAILED));
    return "staff/outbox";
  }

  @GetMapping("/staff/outbox/{id}")
  String show(@PathVariable long id, Model model, HttpServletRequest request, HttpServletResponse response) {
    Optional<String> user = staff.currentUser(request);
    if (user.isEmpty()) {
      return unauthorized(response);
    }
    Optional<OutboxMail> mail = outbox.find(id);
    if (mail.isEmpty()) {
      response.setStatus(HttpServletResponse.SC_NOT_FOUND);
      model.addAttribute("message", "没有编号为 " + id + " 的邮件");
      return "staff/message";
    }
    model.addAttribute("user", user.get());
    model.addAttribute("mail", mail.get());
    model.addAttribute("links", merchantLinks(mail.get().bodyHtml()));
    model.addAttribute("csrf", csrfToken(request.getSession(true)));
    return "staff/outbox-mail";
  }

  @PostMapping("/staff/outbox/{id}/retry")
  String retry(@PathVariable long id, @RequestParam(name = "csrf", required = false) String csrf, Model model,
      HttpServletRequest request, HttpServletResponse response) {
    if (staff.currentUser(request).isEmpty()) {
      return unauthorized(response);
    }
    HttpSession session = request.getSession(false);
    if (session == null || csrf == null || !csrf.equals(session.getAttribute(CSRF_ATTRIBUTE))) {
      response.setStatus(HttpServletResponse.SC_FORBIDDEN);
      model.addAttribute("message", "请求已失效，请刷新页面后重试");
      return "staff/message";
    }
    if (!outbox.retry(id)) {
      response.setStatus(HttpServletResponse.SC_CONFLICT);
      model.addAttribute("message", "只有发送失败的邮件可以重新发送");
      return "staff/message";
    }
    return "redirect:/staff/outbox/" + id;
  }

  static List<String> merchantLinks(String html) {
    Matcher matcher = MERCHANT_LINK.matcher(html);
    return matcher.results().map(m -> m.group(1)).distinct().toList();
  }

  private String csrfToken(HttpSession session) {
    Object token = session.getAttribute(CSRF_ATTRIBUTE);
    if (token == null) {
      byte[] bytes = new byte[24];
      random.nextBytes(bytes);
      token = HexFormat.of().formatHex(bytes);
      session.setAttribute(CSRF_ATTRIBUTE, token);
    }
    return (String) token;
  }

  private static String unauthorized(HttpServletResponse response) {
    response.setStatus(HttpServletResponse.SC_UNAUTHORIZED);
    response.setHeader("WWW-Authenticate", "Basic realm=\"BPO Contract Flow staff\", charset=\"UTF-8\"");
    return "staff/login-required";
  }
}
