package com.bpocontractflow.security;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import org.apache.ibatis.builder.xml.XMLMapperBuilder;
import org.apache.ibatis.session.Configuration;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.db.sql.DbSqlSessionFactory;

/**
 * Replaces some of the engine's SQL statements by our own, the engine's own mechanism for database-specific
 * statements: a MyBatis mapper file is loaded into the engine's MyBatis configuration after it is built, and
 * the engine's statement names are mapped to the mapper's statements. Nothing of the engine is replaced on
 * the classpath.
 */
final class EngineStatements {

  private EngineStatements() {
  }

  /** Loads {@code mapper} (a classpath resource) once and maps each engine statement name to its statement. */
  static void override(ProcessEngineConfigurationImpl configuration, String mapper, Map<String, String> statements) {
    Configuration mybatis = configuration.getSqlSessionFactory().getConfiguration();
    if (!mybatis.isResourceLoaded(mapper)) {
      try (InputStream in = EngineStatements.class.getClassLoader().getResourceAsStream(mapper)) {
        if (in == null) {
          throw new IllegalStateException(mapper + " is missing from the classpath");
        }
        new XMLMapperBuilder(in, mybatis, mapper, mybatis.getSqlFragments()).parse();
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    DbSqlSessionFactory sessions = configuration.getDbSqlSessionFactory();
    // a copy: the engine shares its per-database mapping between engines of the same JVM
    Map<String, String> mappings = new HashMap<>();
    if (sessions.getStatementMappings() != null) {
      mappings.putAll(sessions.getStatementMappings());
    }
    mappings.putAll(statements);
    sessions.setStatementMappings(mappings);
  }
}
