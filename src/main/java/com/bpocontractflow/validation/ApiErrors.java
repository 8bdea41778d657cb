package com.bpocontractflow.validation;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What an error answer of the engine's REST API (and of the web apps' API, which Tasklist uses) tells the
 * person who made the request. Client errors that the engine reports as 500 become the 4xx they are, in
 * zh-CN: a task someone else already completed (404), a clash with another change such as a timer
 * (409), a variable type that is refused (400). Refused form input loses Camunda's English prefix
 * ("Cannot submit task form …:") and lists one problem per line. A real server error keeps its status but
 * shows neither internals nor SQL: only a reference to the log line. Pure logic, tested on its own.
 */
public final class ApiErrors {

  private static final Pattern CAMUNDA_PREFIX =
      Pattern.compile("^Cannot [a-z ]+? [0-9a-f]{8}-[0-9a-f-]{27}: ");
  static final String INPUT_PREFIX = "输入有误：";
  private static final Pattern HAN = Pattern.compile("\\p{IsHan}");

  private ApiErrors() {
  }

  /** The answer to send: status and JSON body (null body = keep the original). */
  public record Answer(int status, Map<String, Object> body, boolean logAsServerError) {
  }

  /**
   * Classifies an error answer. {@code body} is the parsed JSON of the original answer; {@code reference}
   * names the log line of a server error.
   */
  public static Answer classify(int status, Map<String, Object> body, String reference) {
    String type = String.valueOf(body.getOrDefault("type", ""));
    String message = String.valueOf(body.getOrDefault("message", ""));
    String lower = message.toLowerCase(Locale.ROOT);
    if (lower.contains("cannot find task with id") || (lower.contains("task") && lower.contains("is null"))) {
      return answer(404, type, "该任务已由他人处理或已不存在，请刷新任务列表");
    }
    if (type.contains("OptimisticLocking") || lower.contains("optimisticlocking")
        || lower.contains("was updated by another transaction concurrently")) {
      return answer(409, type, "该合同刚被他人或系统（例如到期的提醒）更新，请刷新页面后重试");
    }
    if (lower.contains("serialization format is prohibited") || lower.contains("cannot find serializer")
        || lower.contains("java serialization") || lower.contains("cannot deserialize")) {
      return answer(400, type, "不接受此类变量：只能提交文字、数字、布尔值或日期");
    }
    if (lower.contains("duplicate key") || lower.contains("unique constraint") || lower.contains("unique index")
        || lower.contains("integrity constraint")) {
      return answer(409, type, "同一内容已被同时提交（例如同一付款流水号），已记录的以先到者为准，请刷新后核对");
    }
    Matcher prefixed = CAMUNDA_PREFIX.matcher(message);
    String withoutPrefix = prefixed.find() ? message.substring(prefixed.end()) : message;
    if (withoutPrefix.startsWith(INPUT_PREFIX)) {
      List<String> problems = problems(body, withoutPrefix);
      Map<String, Object> clean = new LinkedHashMap<>();
      clean.put("type", "InvalidInputException");
      clean.put("message", String.join("\n", problems));
      clean.put("problems", problems);
      clean.put("code", null);
      return new Answer(400, clean, false);
    }
    if (status >= 500) {
      Map<String, Object> hidden = new LinkedHashMap<>();
      hidden.put("type", "ServerError");
      hidden.put("message", "服务器处理出错，已记录（错误编号 " + reference + "），请稍后重试；如仍出现，请把错误编号告诉管理员");
      hidden.put("code", null);
      return new Answer(status, hidden, true);
    }
    if (!HAN.matcher(message).find()) {
      // Camunda's own English message of a client error: said in Chinese, the original kept as detail
      Map<String, Object> said = new LinkedHashMap<>();
      said.put("type", type.isEmpty() ? "Error" : type);
      said.put("message", switch (status) {
        case 400 -> "请求内容有误";
        case 401 -> "请先登录";
        case 403 -> "您没有执行此操作的权限";
        case 404 -> "找不到请求的对象（可能已被处理或删除）";
        case 405, 415 -> "请求方式不正确";
        case 409 -> "与其他操作冲突，请刷新后重试";
        default -> "请求未能处理";
      });
      said.put("detail", message);
      body.forEach(said::putIfAbsent);
      return new Answer(status, said, false);
    }
    return new Answer(status, null, false);
  }

  @SuppressWarnings("unchecked")
  private static List<String> problems(Map<String, Object> body, String message) {
    if (body.get("problems") instanceof List<?> listed && !listed.isEmpty()) {
      return (List<String>) listed;
    }
    List<String> problems = new ArrayList<>();
    for (String problem : message.substring(INPUT_PREFIX.length()).split("；")) {
      if (!problem.isBlank()) {
        problems.add(problem.trim());
      }
    }
    return problems;
  }

  private static Answer answer(int status, String type, String message) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", type.isEmpty() ? "Error" : type);
    body.put("message", message);
    body.put("code", null);
    return new Answer(status, body, false);
  }
}
