package org.caserouting.support;

import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.UnaryOperator;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.sql.DataSource;
import net.ttddyy.dsproxy.ExecutionInfo;
import net.ttddyy.dsproxy.QueryInfo;
import net.ttddyy.dsproxy.listener.QueryExecutionListener;
import net.ttddyy.dsproxy.support.ProxyDataSource;
import net.ttddyy.dsproxy.support.ProxyDataSourceBuilder;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;

/**
 * The SQL statements one piece of work makes on the calling thread, by operation and table
 * ("insert act_ru_task"), counted with datasource-proxy around the shared context's DataSource.
 * Only the calling thread counts, so nothing else the service does meanwhile is in the count.
 */
public final class StatementCount {

  private static final Pattern TABLE = Pattern.compile(
      "(?is)^\\s*(insert\\s+into|update|delete\\s+from|select\\b.*?\\bfrom)\\s+([a-z_][a-z0-9_.]*)");
  private static final ThreadLocal<Map<String, Long>> COUNTING = new ThreadLocal<>();

  private StatementCount() {}

  /** What {@code work} made, by statement; a batch counts once per row. */
  public static Map<String, Long> of(Runnable work) {
    Map<String, Long> counts = new TreeMap<>();
    COUNTING.set(counts);
    try {
      work.run();
    } finally {
      COUNTING.remove();
    }
    return counts;
  }

  private static final QueryExecutionListener LISTENER = new QueryExecutionListener() {
    @Override
    public void beforeQuery(ExecutionInfo execution, List<QueryInfo> queries) {}

    @Override
    public void afterQuery(ExecutionInfo execution, List<QueryInfo> queries) {
      Map<String, Long> counts = COUNTING.get();
      if (counts == null) {
        return;
      }
      for (QueryInfo query : queries) {
        counts.merge(key(query.getQuery()), (long) Math.max(1, query.getParametersList().size()), Long::sum);
      }
    }
  };

  /** "insert act_ru_task": the operation and the first table of a statement. */
  public static String key(String sql) {
    Matcher matcher = TABLE.matcher(sql);
    if (!matcher.find()) {
      return "other";
    }
    return matcher.group(1).toLowerCase().split("\\s+")[0] + " " + matcher.group(2).toLowerCase();
  }

  /** Wraps the shared context's DataSource (see {@link CaseRouterTest}). */
  @TestConfiguration(proxyBeanMethods = false)
  public static class Counting {
    @Bean
    static BeanPostProcessor countStatementsPerThread() {
      return proxying(builder -> builder.listener(LISTENER));
    }
  }

  /**
   * A post-processor that puts datasource-proxy around the application's DataSource, configured
   * by {@code listeners} (the benchmarks' counters and captures use it too).
   */
  public static BeanPostProcessor proxying(UnaryOperator<ProxyDataSourceBuilder> listeners) {
    return new BeanPostProcessor() {
      @Override
      public Object postProcessAfterInitialization(Object bean, String name) {
        return bean instanceof DataSource dataSource && !(bean instanceof ProxyDataSource)
            ? listeners.apply(ProxyDataSourceBuilder.create(dataSource).name(name)).build()
            : bean;
      }
    };
  }
}
