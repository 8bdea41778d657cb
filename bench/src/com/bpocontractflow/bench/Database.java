package com.bpocontractflow.bench;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;

/**
 * The PostgreSQL server the benchmark runs on, started by bench/run (a throw-away cluster with
 * pg_stat_statements). Each scenario gets a fresh database in it.
 */
record Database(String host, int port, String name, String user, String password) {

  String jdbcUrl() {
    return "jdbc:postgresql://" + host + ":" + port + "/" + name;
  }

  Database fresh(String newName) throws SQLException {
    try (Connection admin = connect(); Statement statement = admin.createStatement()) {
      statement.execute("DROP DATABASE IF EXISTS " + newName + " WITH (FORCE)");
      statement.execute("CREATE DATABASE " + newName);
    }
    Database created = new Database(host, port, newName, user, password);
    try (Connection connection = created.connect(); Statement statement = connection.createStatement()) {
      statement.execute("CREATE EXTENSION IF NOT EXISTS pg_stat_statements");
    } catch (SQLException notAvailable) {
      // statement counts are then reported as unavailable
    }
    return created;
  }

  Connection connect() throws SQLException {
    return DriverManager.getConnection(jdbcUrl(), user, password);
  }

  long queryLong(String sql) throws SQLException {
    try (Connection connection = connect(); Statement statement = connection.createStatement();
        ResultSet rs = statement.executeQuery(sql)) {
      rs.next();
      return rs.getLong(1);
    }
  }

  void execute(String sql) throws SQLException {
    try (Connection connection = connect(); Statement statement = connection.createStatement()) {
      statement.execute(sql);
    }
  }
}
