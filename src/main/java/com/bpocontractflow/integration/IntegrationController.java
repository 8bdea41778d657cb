package com.bpocontractflow.integration;

import com.bpocontractflow.validation.InvalidInputException;
import jakarta.servlet.http.HttpServletRequest;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.converter.HttpMessageNotReadableException;
import org.springframework.web.HttpMediaTypeNotSupportedException;
import org.springframework.web.HttpRequestMethodNotSupportedException;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * The endpoints through which the payment, e-signature and customer-service systems report to the
 * processes, each naming one contract by its number. Callers authenticate with an API key
 * ({@code Authorization: Bearer <key>}, see {@link IntegrationKeys}); the application checks the body and
 * takes the step with its own rights, so the systems need no rights on the engine at all.
 * Answers: 200 done; 400 invalid body (zh-CN problems); 401 no or unknown key; 403 key not for this
 * endpoint; 404 no such contract; 409 the contract is not waiting for this report.
 */
@RestController
class IntegrationController {

  static final String CALLER_ATTRIBUTE = IntegrationController.class.getName() + ".caller";

  private final Integrations integrations;

  IntegrationController(Integrations integrations) {
    this.integrations = integrations;
  }

  @PostMapping(path = "/api/integrations/{endpoint}", produces = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<Map<String, Object>> report(@PathVariable String endpoint, @RequestBody Map<String, Object> body,
      HttpServletRequest request) {
    Integrations.Endpoint target = Integrations.Endpoint.byPath(endpoint);
    if (target == null) {
      return answer(HttpStatus.NOT_FOUND, "没有这个接口：/api/integrations/" + endpoint, List.of());
    }
    IntegrationKeys.Caller caller = (IntegrationKeys.Caller) request.getAttribute(CALLER_ATTRIBUTE);
    if (caller == null || !caller.may(target.path())) {
      return answer(HttpStatus.FORBIDDEN, "此 API 密钥不能调用 /api/integrations/" + endpoint, List.of());
    }
    try {
      Integrations.Result result = integrations.report(target, caller.name(), body);
      return answer(result.status(), result.message(), List.of());
    } catch (InvalidInputException invalid) {
      return answer(HttpStatus.BAD_REQUEST, "请求内容有误", invalid.getProblems());
    }
  }

  @ExceptionHandler(HttpMessageNotReadableException.class)
  ResponseEntity<Map<String, Object>> unreadable() {
    return answer(HttpStatus.BAD_REQUEST, "请求正文必须是一个 JSON 对象", List.of());
  }

  @ExceptionHandler(HttpMediaTypeNotSupportedException.class)
  ResponseEntity<Map<String, Object>> mediaType() {
    return answer(HttpStatus.UNSUPPORTED_MEDIA_TYPE, "请求正文必须是 JSON（Content-Type: application/json）", List.of());
  }

  @ExceptionHandler(HttpRequestMethodNotSupportedException.class)
  ResponseEntity<Map<String, Object>> method() {
    return answer(HttpStatus.METHOD_NOT_ALLOWED, "此接口只接受 POST 请求", List.of());
  }

  static ResponseEntity<Map<String, Object>> answer(HttpStatus status, String message, List<String> problems) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("status", status.value());
    body.put("message", message);
    if (!problems.isEmpty()) {
      body.put("problems", problems);
    }
    return ResponseEntity.status(status).contentType(MediaType.APPLICATION_JSON).body(body);
  }
}
