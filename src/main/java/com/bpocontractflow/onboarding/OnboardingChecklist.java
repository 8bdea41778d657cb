package com.bpocontractflow.onboarding;

import com.bpocontractflow.common.Clocks;
import com.bpocontractflow.validation.InvalidInputException;
import java.time.OffsetDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The merchant's answers on its onboarding checklist (table {@code onboarding_checklist}): per
 * {@link ChecklistItem} whether it is provided and a short note. The answers are plain text as typed; pages
 * and forms show them escaped.
 */
@Repository
public class OnboardingChecklist {

  private static final DateTimeFormatter DAY_TIME = DateTimeFormatter.ofPattern("yyyy年M月d日 HH:mm");

  private final JdbcClient jdbc;

  public OnboardingChecklist(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /** One item's answer; an item never answered is not provided, without a note. */
  public record Answer(ChecklistItem item, boolean provided, String note, String updatedBy, OffsetDateTime updatedAt) {
    static Answer none(ChecklistItem item) {
      return new Answer(item, false, null, null, null);
    }
  }

  /** What the merchant submits for one item. */
  public record Submitted(boolean provided, String note) {
  }

  /** The answers of every item, in the order of {@link ChecklistItem}. */
  public List<Answer> answers(long contractId) {
    Map<ChecklistItem, Answer> stored = new EnumMap<>(ChecklistItem.class);
    jdbc.sql("SELECT item, provided, note, updated_by, updated_at FROM onboarding_checklist WHERE contract_id = :id")
        .param("id", contractId)
        .query((rs, i) -> {
          ChecklistItem item = ChecklistItem.valueOf(rs.getString(1));
          return new Answer(item, rs.getBoolean(2), rs.getString(3), rs.getString(4),
              rs.getObject(5, OffsetDateTime.class));
        })
        .list().forEach(answer -> stored.put(answer.item(), answer));
    List<Answer> all = new ArrayList<>();
    for (ChecklistItem item : ChecklistItem.values()) {
      all.add(stored.getOrDefault(item, Answer.none(item)));
    }
    return all;
  }

  /**
   * Checks and stores the answers of every item (in the caller's transaction). A note longer than
   * {@value ChecklistItem#NOTE_MAX} characters refuses the whole submission and changes nothing.
   */
  public void save(long contractId, Map<ChecklistItem, Submitted> submitted, String by) {
    List<String> problems = new ArrayList<>();
    for (Map.Entry<ChecklistItem, Submitted> entry : submitted.entrySet()) {
      String note = entry.getValue().note();
      if (note != null && note.trim().length() > ChecklistItem.NOTE_MAX) {
        problems.add("上线准备清单·" + entry.getKey().label() + "·备注：最多 " + ChecklistItem.NOTE_MAX + " 个字（现为 "
            + note.trim().length() + " 个字）");
      }
    }
    if (!problems.isEmpty()) {
      throw new InvalidInputException(problems);
    }
    OffsetDateTime now = OffsetDateTime.now(Clocks.ZONE);
    for (Map.Entry<ChecklistItem, Submitted> entry : submitted.entrySet()) {
      String note = entry.getValue().note() == null || entry.getValue().note().isBlank() ? null
          : entry.getValue().note().trim();
      int updated = jdbc.sql("""
              UPDATE onboarding_checklist SET provided = :provided, note = :note, updated_by = :by, updated_at = :now
              WHERE contract_id = :id AND item = :item
              """)
          .param("provided", entry.getValue().provided()).param("note", note).param("by", by).param("now", now)
          .param("id", contractId).param("item", entry.getKey().name()).update();
      if (updated == 0) {
        jdbc.sql("""
                INSERT INTO onboarding_checklist (contract_id, item, provided, note, updated_by, updated_at)
                VALUES (:id, :item, :provided, :note, :by, :now)
                """)
            .param("id", contractId).param("item", entry.getKey().name())
            .param("provided", entry.getValue().provided()).param("note", note).param("by", by).param("now", now)
            .update();
      }
    }
  }

  /** The answers as the onboarding tasks show them (read-only text, one line per item). */
  public String summary(long contractId) {
    return summary(answers(contractId));
  }

  static String summary(List<Answer> answers) {
    if (answers.stream().allMatch(answer -> answer.updatedAt() == null)) {
      return "商家尚未填写上线准备清单（链接已随“上线准备清单”邮件发送）。";
    }
    List<String> lines = new ArrayList<>();
    for (Answer answer : answers) {
      lines.add((answer.provided() ? "【已提供】" : "【未提供】") + answer.item().label()
          + (answer.note() != null ? "：" + answer.note() : ""));
    }
    answers.stream().map(Answer::updatedAt).filter(java.util.Objects::nonNull).max(OffsetDateTime::compareTo)
        .ifPresent(last -> lines.add("商家最近更新：" + DAY_TIME.format(last.atZoneSameInstant(Clocks.ZONE))));
    return String.join("\n", lines);
  }

  /** The access items the merchant marked as provided, with its notes: what is to be revoked at the end. */
  public String grantedAccess(long contractId) {
    List<String> lines = new ArrayList<>();
    for (Answer answer : answers(contractId)) {
      if (answer.item().access() && answer.provided()) {
        lines.add(answer.item().label() + (answer.note() != null ? "：" + answer.note() : ""));
      }
    }
    return lines.isEmpty() ? "商家未在上线准备清单中登记已提供的账号或授权；请按实际开通情况核对。" : String.join("\n", lines);
  }
}
