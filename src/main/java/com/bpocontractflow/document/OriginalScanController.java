package com.bpocontractflow.document;

import com.bpocontractflow.contract.Contract;
import com.bpocontractflow.contract.ContractRepository;
import com.bpocontractflow.security.RandomTokens;
import com.bpocontractflow.security.StaffAuthentication;
import com.bpocontractflow.signing.ContractSigningProcess;
import com.bpocontractflow.signing.SigningProperties;
import com.bpocontractflow.team.Teams;
import com.bpocontractflow.validation.InvalidInputException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.servlet.http.HttpSession;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.function.Function;
import org.camunda.bpm.engine.RuntimeService;
import org.camunda.bpm.engine.runtime.ProcessInstance;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MaxUploadSizeExceededException;
import org.springframework.web.multipart.MultipartFile;

/**
 * {@code /staff/contracts/{number}/original-scan}: legal (or managers) upload the scan of a paper contract's
 * sealed original before completing archive-contract-original (Tasklist's forms have no file field). Staff
 * login as on the other staff pages, the page's token against cross-site posts (as the outbox's), a PDF, JPEG
 * or PNG by its first bytes, at most {@code bpo.signing.authority-document-max-size} (413 above). The scan is
 * stored with its SHA-256 (ContractOriginals), which is set on the contract's signing process
 * ({@code originalScanSha256}) for the task to check. Any staff member downloads it from the documents page.
 */
@Controller
class OriginalScanController {

  static final String CSRF_ATTRIBUTE = "bpo.staff.original-scan.csrf";
  private static final String[] UPLOADERS = {Teams.LEGAL.groupId(), Teams.MANAGERS.groupId()};

  private final ContractRepository contracts;
  private final ContractOriginals originals;
  private final StaffAuthentication staff;
  private final RuntimeService runtime;
  private final SigningProperties signing;

  OriginalScanController(ContractRepository contracts, ContractOriginals originals, StaffAuthentication staff,
      RuntimeService runtime, SigningProperties signing) {
    this.contracts = contracts;
    this.originals = originals;
    this.staff = staff;
    this.runtime = runtime;
    this.signing = signing;
  }

  @GetMapping(path = "/staff/contracts/{number}/original-scan", produces = "text/html")
  String page(@PathVariable String number, Model model, HttpServletRequest request, HttpServletResponse response) {
    return withUploader(number, model, request, response, contract -> show(contract, model, request, null));
  }

  @PostMapping("/staff/contracts/{number}/original-scan")
  @Transactional
  String upload(@PathVariable String number, @RequestParam(name = "csrf", required = false) String csrf,
      @RequestParam(name = "scan", required = false) MultipartFile scan, Model model, HttpServletRequest request,
      HttpServletResponse response) {
    return withUploader(number, model, request, response, contract -> {
      HttpSession session = request.getSession(false);
      if (session == null || csrf == null || !csrf.equals(session.getAttribute(CSRF_ATTRIBUTE))) {
        return message(response, model, HttpStatus.FORBIDDEN, "请求已失效，请刷新页面后重试");
      }
      byte[] bytes = bytes(scan);
      long max = maxBytes();
      if (bytes.length > max) {
        response.setStatus(HttpStatus.PAYLOAD_TOO_LARGE.value());
        return show(contract, model, request, tooLarge());
      }
      ContractOriginals.Scan stored;
      try {
        stored = originals.store(contract.id(), bytes, staff.currentUser(request).orElseThrow());
      } catch (InvalidInputException e) {
        response.setStatus(HttpStatus.BAD_REQUEST.value());
        return show(contract, model, request, String.join("；", e.getProblems()));
      }
      for (ProcessInstance instance : runtime.createProcessInstanceQuery()
          .processDefinitionKey(ContractSigningProcess.KEY).processInstanceBusinessKey(contract.contractNumber())
          .active().list()) {
        runtime.setVariable(instance.getId(), ContractSigningProcess.Vars.ORIGINAL_SCAN_SHA256, stored.sha256());
      }
      model.addAttribute("uploaded", "已上传，SHA-256：" + stored.sha256() + "。现在可以完成「归档合同原件」任务。");
      return show(contract, model, request, null);
    });
  }

  /** The newest scan, for any staff member (the documents page links it). */
  @GetMapping("/staff/contracts/{number}/original-scan/file")
  ResponseEntity<?> file(@PathVariable String number, HttpServletRequest request) {
    if (staff.currentUser(request).isEmpty()) {
      return StaffAuthentication.loginRequired();
    }
    Optional<Contract> contract = contracts.findByNumber(number);
    Optional<ContractOriginals.File> file = contract.flatMap(c -> originals.file(c.id()));
    if (file.isEmpty()) {
      return ResponseEntity.status(HttpStatus.NOT_FOUND).body(java.util.Map.of("message",
          contract.isEmpty() ? "合同编号 " + number + " 不存在" : "合同 " + number + " 还没有上传盖章原件扫描件"));
    }
    String extension = switch (file.get().contentType()) {
      case "application/pdf" -> "pdf";
      case "image/png" -> "png";
      default -> "jpg";
    };
    return ResponseEntity.ok()
        .contentType(MediaType.parseMediaType(file.get().contentType()))
        .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment()
            .filename("客服外包合同-" + number + "-盖章原件扫描件." + extension, StandardCharsets.UTF_8).build().toString())
        .header(HttpHeaders.CACHE_CONTROL, "private, no-store")
        .body(file.get().bytes());
  }

  /** Larger than the server reads at all (spring.servlet.multipart): 413 with the page's zh-CN message. */
  @ExceptionHandler(MaxUploadSizeExceededException.class)
  String uploadTooLarge(HttpServletRequest request, Model model, HttpServletResponse response) {
    String path = request.getRequestURI();
    String number = path.substring("/staff/contracts/".length(), path.lastIndexOf('/'));
    return withUploader(number, model, request, response, contract -> {
      response.setStatus(HttpStatus.PAYLOAD_TOO_LARGE.value());
      return show(contract, model, request, tooLarge());
    });
  }

  private String withUploader(String number, Model model, HttpServletRequest request, HttpServletResponse response,
      Function<Contract, String> action) {
    Optional<String> user = staff.currentUser(request);
    if (user.isEmpty()) {
      return StaffAuthentication.loginRequiredPage(response);
    }
    if (!staff.isMember(user.get(), UPLOADERS)) {
      return message(response, model, HttpStatus.FORBIDDEN, "只有法务团队和管理层可以上传合同原件扫描件");
    }
    Optional<Contract> contract = contracts.findByNumber(number);
    if (contract.isEmpty()) {
      return message(response, model, HttpStatus.NOT_FOUND, "合同编号 " + number + " 不存在");
    }
    if (!"PAPER".equals(contract.get().signingMethod())) {
      return message(response, model, HttpStatus.CONFLICT, "合同 " + number + " 不是纸质签署的合同，没有需要归档的纸质原件");
    }
    return action.apply(contract.get());
  }

  private String show(Contract contract, Model model, HttpServletRequest request, String problem) {
    model.addAttribute("contract", contract);
    model.addAttribute("scan", originals.latest(contract.id()).orElse(null));
    model.addAttribute("problem", problem);
    model.addAttribute("maxSize", megabytes(maxBytes()));
    model.addAttribute("csrf", csrfToken(request.getSession(true)));
    return "staff/original-scan";
  }

  private static String message(HttpServletResponse response, Model model, HttpStatus status, String message) {
    response.setStatus(status.value());
    model.addAttribute("message", message);
    return "staff/message";
  }

  private String tooLarge() {
    return ContractOriginals.LABEL + "文件过大：最大 " + megabytes(maxBytes()) + "，请降低扫描分辨率或压缩后重新上传";
  }

  private long maxBytes() {
    return signing.authorityDocumentMaxSize().toBytes();
  }

  private static String megabytes(long bytes) {
    return bytes % (1024 * 1024) == 0 ? bytes / (1024 * 1024) + " MB" : (bytes / 1024) + " KB";
  }

  private static byte[] bytes(MultipartFile file) {
    try {
      return file == null ? new byte[0] : file.getBytes();
    } catch (IOException e) {
      return new byte[0];
    }
  }

  private static String csrfToken(HttpSession session) {
    Object token = session.getAttribute(CSRF_ATTRIBUTE);
    if (token == null) {
      token = RandomTokens.next();
      session.setAttribute(CSRF_ATTRIBUTE, token);
    }
    return (String) token;
  }
}
