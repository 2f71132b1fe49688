package org.caserouting.platform.engine.query;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.HashMap;
import java.util.Map;
import java.util.Set;
import org.apache.ibatis.builder.xml.XMLMapperBuilder;
import org.apache.ibatis.session.Configuration;
import org.camunda.bpm.engine.impl.cfg.AbstractProcessEnginePlugin;
import org.camunda.bpm.engine.impl.cfg.ProcessEngineConfigurationImpl;
import org.camunda.bpm.engine.impl.db.sql.DbSqlSessionFactory;
import org.springframework.stereotype.Component;

/**
 * Runs two of the engine's authorization statements as we write them (AuthorizationSql.xml, ADR
 * 0019): the task query, list and count, with its authorization check as a correlated EXISTS, and
 * the groups that hold any authorization, read by an index walk. Every door goes through them:
 * Tasklist's filters and their counts, the engine REST API, Cockpit, our own API. Applies on
 * PostgreSQL and H2, the two databases we run and prove it on; on any other the engine's own SQL
 * runs.
 */
@Component
public class AuthorizationSqlPlugin extends AbstractProcessEnginePlugin {

  static final String MAPPING = "org/caserouting/platform/engine/query/AuthorizationSql.xml";
  static final String NAMESPACE = "org.caserouting.platform.engine.query.AuthorizationSql";
  /** The engine's statement names, and ours that replace them. */
  public static final Map<String, String> STATEMENTS = Map.of(
      "selectTaskByQueryCriteria", NAMESPACE + ".selectTaskByQueryCriteriaAuthorizedByExists",
      "selectTaskCountByQueryCriteria", NAMESPACE + ".selectTaskCountByQueryCriteriaAuthorizedByExists",
      "selectAuthorizedGroupIds", NAMESPACE + ".selectAuthorizedGroupIdsByIndex");
  private static final Set<String> PROVEN_ON = Set.of(DbSqlSessionFactory.POSTGRES, DbSqlSessionFactory.H2);

  @Override
  public void postInit(ProcessEngineConfigurationImpl configuration) {
    if (!PROVEN_ON.contains(configuration.getDatabaseType())) {
      return;
    }
    Configuration mybatis = configuration.getSqlSessionFactory().getConfiguration();
    try (InputStream mapping = AuthorizationSqlPlugin.class.getClassLoader().getResourceAsStream(MAPPING)) {
      if (mapping == null) {
        throw new IllegalStateException(MAPPING + " is missing from the classpath");
      }
      new XMLMapperBuilder(mapping, mybatis, MAPPING, mybatis.getSqlFragments()).parse();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    // The engine's map is shared by every engine on the same kind of database: extend a copy.
    DbSqlSessionFactory sessions = configuration.getDbSqlSessionFactory();
    Map<String, String> mappings = new HashMap<>();
    if (sessions.getStatementMappings() != null) {
      mappings.putAll(sessions.getStatementMappings());
    }
    mappings.putAll(STATEMENTS);
    sessions.setStatementMappings(mappings);
  }
}
