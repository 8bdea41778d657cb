package com.bpocontractflow.sla;

import static org.mockito.Mockito.mock;
import static org.mockito.Mockito.when;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** The shipped {@code sla-compensation} table for tests without an engine. */
public final class SlaTestTables {

  public static final String SHIPPED_ID = "sla-compensation:1:shipped";

  private SlaTestTables() {
  }

  /** The rows of {@code bpmn/sla-compensation.dmn} as the source tree has it. */
  public static SlaRemedyTable shipped() {
    try (InputStream in = Files.newInputStream(Path.of(SlaReviewProcess.DECISION_RESOURCE))) {
      return SlaRemedyTable.parse(in);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** Decisions whose latest version is the shipped table, as version 1. */
  public static SlaDecisions shippedDecisions() {
    SlaDecisions decisions = mock(SlaDecisions.class);
    SlaDecisions.Pinned pinned = new SlaDecisions.Pinned(SHIPPED_ID, 1, shipped());
    when(decisions.current()).thenReturn(pinned);
    when(decisions.byId(SHIPPED_ID)).thenReturn(pinned);
    return decisions;
  }
}
