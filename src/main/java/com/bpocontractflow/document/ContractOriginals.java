package com.bpocontractflow.document;

import static com.bpocontractflow.signing.ContractSigningProcess.Vars.ARCHIVE_LOCATION;
import static com.bpocontractflow.signing.ContractSigningProcess.Vars.CONTRACT_ID;

import com.bpocontractflow.common.Clocks;
import com.bpocontractflow.common.Sha256;
import com.bpocontractflow.merchant.AuthorityDocuments;
import com.bpocontractflow.validation.InvalidInputException;
import java.time.OffsetDateTime;
import java.util.Optional;
import org.camunda.bpm.engine.delegate.DelegateTask;
import org.camunda.bpm.engine.impl.identity.Authentication;
import org.camunda.bpm.engine.impl.util.ClockUtil;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The sealed paper original of a contract signed on paper ({@code contract_original}): the scan legal uploads
 * on the staff page (a PDF, JPEG or PNG as its first bytes say, stored with its SHA-256; the newest counts)
 * and, when archive-contract-original is completed, where the original is kept. The paper original is the
 * contract; the scan and its hash let staff show it later (e.g. as documentary evidence, Civil Procedure Law
 * art. 73: the original, or a copy when presenting the original is truly difficult).
 */
@Repository("contractOriginals")
public class ContractOriginals {

  static final String LABEL = "「盖章原件扫描件」";

  /** A stored scan, without its bytes; the archive columns are null until the task is completed. */
  public record Scan(long id, String contentType, int sizeBytes, String sha256, String uploadedBy,
      OffsetDateTime uploadedAt, String archiveLocation, String archivedBy, OffsetDateTime archivedAt) {
  }

  /** A scan's bytes and type, for the download. */
  public record File(String contentType, byte[] bytes) {
  }

  private final JdbcClient jdbc;

  public ContractOriginals(JdbcClient jdbc) {
    this.jdbc = jdbc;
  }

  /**
   * Checks the scan's kind by its first bytes and stores it with its SHA-256 (the caller checked the size).
   *
   * @throws InvalidInputException when empty or not a PDF, JPEG or PNG
   */
  public Scan store(long contractId, byte[] bytes, String uploadedBy) {
    if (bytes == null || bytes.length == 0) {
      throw new InvalidInputException(LABEL + "未上传：请选择盖章原件的扫描件（PDF、JPG 或 PNG）");
    }
    AuthorityDocuments.Kind kind = AuthorityDocuments.Kind.of(bytes).orElseThrow(() -> new InvalidInputException(
        LABEL + "文件格式不支持：只接受 PDF、JPG 或 PNG 文件（按文件内容判断，不按文件名）"));
    jdbc.sql("""
            INSERT INTO contract_original (contract_id, content_type, size_bytes, sha256, content, uploaded_by, uploaded_at)
            VALUES (:contractId, :type, :size, :sha, :content, :by, :now)
            """)
        .param("contractId", contractId).param("type", kind.contentType()).param("size", bytes.length)
        .param("sha", Sha256.hex(bytes)).param("content", bytes).param("by", uploadedBy).param("now", now())
        .update();
    return latest(contractId).orElseThrow();
  }

  /** The newest scan of the contract. */
  public Optional<Scan> latest(long contractId) {
    return jdbc.sql("""
            SELECT id, content_type, size_bytes, sha256, uploaded_by, uploaded_at, archive_location, archived_by, archived_at
            FROM contract_original WHERE contract_id = :id ORDER BY id DESC
            """)
        .param("id", contractId)
        .query((rs, n) -> new Scan(rs.getLong("id"), rs.getString("content_type"), rs.getInt("size_bytes"),
            rs.getString("sha256"), rs.getString("uploaded_by"), rs.getObject("uploaded_at", OffsetDateTime.class),
            rs.getString("archive_location"), rs.getString("archived_by"), rs.getObject("archived_at", OffsetDateTime.class)))
        .list().stream().findFirst();
  }

  /** The newest scan's bytes. */
  public Optional<File> file(long contractId) {
    return latest(contractId).map(scan -> new File(scan.contentType(), jdbc.sql(
            "SELECT content FROM contract_original WHERE id = :id").param("id", scan.id()).query(byte[].class).single()));
  }

  /**
   * archive-contract-original completed: the location is recorded on the newest scan; without a stored scan the
   * completion is refused, as the task's rules (SigningInputRules) refuse it without the scan's hash. This
   * listener may run before those rules (the same transaction: a refusal there undoes the update), so it says
   * the same and leaves a missing location to them.
   */
  public void archived(DelegateTask task) {
    long contractId = ((Number) task.getVariable(CONTRACT_ID)).longValue();
    Scan scan = latest(contractId).orElseThrow(() -> new InvalidInputException(
        "「合同原件·盖章原件扫描件」尚未上传：请先打开上传页面上传盖章原件的扫描件（PDF、JPG 或 PNG），再完成本任务"));
    if (!(task.getVariable(ARCHIVE_LOCATION) instanceof String location) || location.isBlank()) {
      return;
    }
    Authentication user = task.getProcessEngineServices().getIdentityService().getCurrentAuthentication();
    jdbc.sql("""
            UPDATE contract_original SET archive_location = :location, archived_by = :by, archived_at = :now
            WHERE id = :id
            """)
        .param("location", location.trim())
        .param("by", user == null ? task.getAssignee() : user.getUserId()).param("now", now()).param("id", scan.id())
        .update();
  }

  private static OffsetDateTime now() {
    return ClockUtil.getCurrentTime().toInstant().atZone(Clocks.ZONE).toOffsetDateTime();
  }
}
