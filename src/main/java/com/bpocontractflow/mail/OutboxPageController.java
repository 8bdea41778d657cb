package com.bpocontractflow.mail;

import com.bpocontractflow.security.RandomTokens;
import com.bpocontractflow.security.StaffAuthentication;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.util.List;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Staff page of the outbox ({@code /staff/outbox}): every e-mail with its recipient, subject, status and
 * time, each one rendered as the merchant receives it, with its answer links, a retry for FAILED ones, and
 * for those of UNKNOWN outcome the staff's decision: confirm the delivery or send again.
 * In the default run without a mail server this is where one sees the merchant's side.
 */
@Controller
class OutboxPageController {

  private static final Logger LOG = LoggerFactory.getLogger(OutboxPageController.class);
  static final String CSRF_ATTRIBUTE = "bpo.staff.csrf";
  private static final Pattern MERCHANT_LINK = Pattern.compile("href=\"([^\"]*/m/[A-Za-z0-9_-]{43})\"");

  private final MailOutbox outbox;
  private final StaffAuthentication staff;

  OutboxPageController(MailOutbox outbox, StaffAuthentication staff) {
    this.outbox = outbox;
    this.staff = staff;
  }

  @GetMapping("/staff/outbox")
  String list(Model model, HttpServletRequest request, HttpServletResponse response) {
    Optional<String> user = staff.currentUser(request);
    if (user.isEmpty()) {
      return StaffAuthentication.loginRequiredPage(response);
    }
    model.addAttribute("user", user.get());
    model.addAttribute("mails", outbox.findRecent(500));
    MailOutbox.Backlog backlog = outbox.backlog();
    model.addAttribute("pending", backlog.pending());
    model.addAttribute("sending", backlog.sending());
    model.addAttribute("unknown", backlog.unknown());
    model.addAttribute("failed", backlog.failed());
    return "staff/outbox";
  }

  @GetMapping("/staff/outbox/{id}")
  String show(@PathVariable long id, Model model, HttpServletRequest request, HttpServletResponse response) {
    Optional<String> user = staff.currentUser(request);
    if (user.isEmpty()) {
      return StaffAuthentication.loginRequiredPage(response);
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
    return act(id, csrf, model, request, response, user -> outbox.retry(id), "只有发送失败的邮件可以重新发送");
  }

  /** An UNKNOWN e-mail that staff found delivered (asked the merchant, or the mail provider's log). */
  @PostMapping("/staff/outbox/{id}/confirm-delivered")
  String confirmDelivered(@PathVariable long id, @RequestParam(name = "csrf", required = false) String csrf,
      Model model, HttpServletRequest request, HttpServletResponse response) {
    return act(id, csrf, model, request, response, user -> {
      boolean done = outbox.confirmDelivered(id, user);
      if (done) {
        LOG.info("E-mail {} of unknown outcome confirmed as delivered by {}", id, user);
      }
      return done;
    }, "只有发送结果未知的邮件可以确认已送达（该邮件的状态已经改变，请刷新页面）");
  }

  /** An UNKNOWN e-mail sent again, with the same Message-ID. */
  @PostMapping("/staff/outbox/{id}/resend")
  String resend(@PathVariable long id, @RequestParam(name = "csrf", required = false) String csrf, Model model,
      HttpServletRequest request, HttpServletResponse response) {
    return act(id, csrf, model, request, response, user -> {
      boolean done = outbox.resendUnknown(id, user);
      if (done) {
        LOG.warn("E-mail {} of unknown outcome sent again at the request of {} (same Message-ID)", id, user);
      }
      return done;
    }, "只有发送结果未知的邮件可以在这里重新发送（该邮件的状态已经改变，请刷新页面）");
  }

  /** A staff member's action on one e-mail: logged in, with the page's token; 409 when it does not apply. */
  private String act(long id, String csrf, Model model, HttpServletRequest request, HttpServletResponse response,
      Predicate<String> action, String conflict) {
    Optional<String> user = staff.currentUser(request);
    if (user.isEmpty()) {
      return StaffAuthentication.loginRequiredPage(response);
    }
    HttpSession session = request.getSession(false);
    if (session == null || csrf == null || !csrf.equals(session.getAttribute(CSRF_ATTRIBUTE))) {
      response.setStatus(HttpServletResponse.SC_FORBIDDEN);
      model.addAttribute("message", "请求已失效，请刷新页面后重试");
      return "staff/message";
    }
    if (!action.test(user.get())) {
      response.setStatus(HttpServletResponse.SC_CONFLICT);
      model.addAttribute("message", conflict);
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
      token = RandomTokens.next();
      session.setAttribute(CSRF_ATTRIBUTE, token);
    }
    return (String) token;
  }

}
