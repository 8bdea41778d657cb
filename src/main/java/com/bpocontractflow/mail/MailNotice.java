package com.bpocontractflow.mail;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The body of a notice e-mail (templates/mail/notice.*): paragraphs, a table of label and value rows
 * (a total row in bold) and closing paragraphs, all in zh-CN.
 */
public final class MailNotice {

  private final List<String> paragraphs = new ArrayList<>();
  private final List<Map<String, Object>> rows = new ArrayList<>();
  private final List<String> closing = new ArrayList<>();

  public static MailNotice of(String... paragraphs) {
    MailNotice notice = new MailNotice();
    notice.paragraphs.addAll(List.of(paragraphs));
    return notice;
  }

  public MailNotice row(String label, Object value) {
    return addRow(label, value, false);
  }

  public MailNotice total(String label, Object value) {
    return addRow(label, value, true);
  }

  public MailNotice closing(String paragraph) {
    closing.add(paragraph);
    return this;
  }

  private MailNotice addRow(String label, Object value, boolean total) {
    if (value != null && !value.toString().isBlank()) {
      Map<String, Object> row = new LinkedHashMap<>();
      row.put("label", label);
      row.put("value", value.toString());
      row.put("total", total);
      rows.add(row);
    }
    return this;
  }

  Map<String, Object> model() {
    return Map.of("paragraphs", paragraphs, "rows", rows, "closing", closing);
  }
}
