package com.bpocontractflow.document;

import com.bpocontractflow.common.Clocks;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The clause-review rounds ({@code review_round}): which document version the merchant reviewed, the
 * outcome, who answered, and the comments clause by clause ({@code review_comment}).
 */
@Repository
public class ReviewRounds {

  /** Comments not about one clause are kept under this name. */
  public static final String GENERAL = "总体意见";
  private static final Pattern LEADING_CLAUSE = Pattern.compile("^【([^】]{1,30})】\\s*(.*)$");

  /** One comment on one clause. */
  public record Comment(int round, String clause, String comment, String author) {
  }

  private final JdbcClient jdbc;

  public ReviewRounds(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  public void started(long contractId, int round, int documentVersion) {
    int existing = jdbc.sql("SELECT COUNT(*) FROM review_round WHERE contract_id = :id AND round = :round")
        .param("id", contractId).param("round", round).query(Integer.class).single();
    if (existing == 0) {
      jdbc.sql("INSERT INTO review_round (contract_id, round, document_version) VALUES (:id, :round, :version)")
          .param("id", contractId).param("round", round).param("version", documentVersion).update();
    }
  }

  /** The merchant's answer to a round: agreed, or changes requested with the comments by clause. */
  public void answered(long contractId, int round, boolean agreed, String feedback, String author) {
    OffsetDateTime now = OffsetDateTime.now(Clocks.ZONE);
    started(contractId, round, round); // a round that began before rounds were recorded
    long roundId = jdbc.sql("SELECT id FROM review_round WHERE contract_id = :id AND round = :round")
        .param("id", contractId).param("round", round).query(Long.class).single();
    jdbc.sql("UPDATE review_round SET outcome = :outcome, answered_by = :author, answered_at = :now WHERE id = :roundId")
        .param("outcome", agreed ? "AGREED" : "CHANGES_REQUESTED").param("author", author).param("now", now)
        .param("roundId", roundId).update();
    jdbc.sql("DELETE FROM review_comment WHERE review_round_id = :roundId").param("roundId", roundId).update();
    byClause(feedback).forEach((clause, comment) -> jdbc.sql("""
            INSERT INTO review_comment (review_round_id, clause, comment, author, created_at)
            VALUES (:roundId, :clause, :comment, :author, :now)
            """)
        .param("roundId", roundId).param("clause", clause).param("comment", comment).param("author", author)
        .param("now", now).update());
  }

  public List<Comment> comments(long contractId) {
    return jdbc.sql("""
            SELECT r.round, c.clause, c.comment, c.author FROM review_comment c
            JOIN review_round r ON r.id = c.review_round_id WHERE r.contract_id = :id ORDER BY r.round, c.id
            """)
        .param("id", contractId)
        .query((rs, i) -> new Comment(rs.getInt(1), rs.getString(2), rs.getString(3), rs.getString(4))).list();
  }

  /**
   * Splits feedback into comments by clause: a line led by 【clause】 (as the merchant's review page writes
   * them) starts that clause's comment; other lines belong to the comment before, or are general.
   */
  static Map<String, String> byClause(String feedback) {
    Map<String, List<String>> lines = new LinkedHashMap<>();
    if (feedback == null || feedback.isBlank()) {
      return Map.of();
    }
    String current = GENERAL;
    for (String line : feedback.strip().split("\\R")) {
      Matcher matcher = LEADING_CLAUSE.matcher(line.strip());
      String text = line.strip();
      if (matcher.matches()) {
        current = matcher.group(1);
        text = matcher.group(2);
      }
      if (!text.isBlank()) {
        lines.computeIfAbsent(current, k -> new ArrayList<>()).add(text);
      }
    }
    Map<String, String> comments = new LinkedHashMap<>();
    lines.forEach((clause, texts) -> comments.put(clause, String.join("\n", texts)));
    return comments;
  }
}
