package org.caserouting.bench;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.LongAdder;
import net.ttddyy.dsproxy.ExecutionInfo;
import net.ttddyy.dsproxy.QueryInfo;
import net.ttddyy.dsproxy.listener.QueryExecutionListener;
import org.caserouting.support.StatementCount;
import org.springframework.beans.factory.config.BeanPostProcessor;

/**
 * Counts the SQL statements and commits that go through the application's DataSource while
 * counting is on, by operation and table ("insert act_ru_task"), with datasource-proxy.
 */
final class StatementCounter implements QueryExecutionListener {

  private final AtomicBoolean counting = new AtomicBoolean();
  private final Map<String, LongAdder> byTable = new ConcurrentHashMap<>();
  private final AtomicLong commits = new AtomicLong();

  void start() {
    byTable.clear();
    commits.set(0);
    counting.set(true);
  }

  void stop() {
    counting.set(false);
  }

  long statements() {
    return byTable.values().stream().mapToLong(LongAdder::sum).sum();
  }

  long commits() {
    return commits.get();
  }

  Map<String, Long> byTable() {
    Map<String, Long> sorted = new TreeMap<>();
    byTable.forEach((table, count) -> sorted.put(table, count.sum()));
    return sorted;
  }

  @Override
  public void beforeQuery(ExecutionInfo execution, java.util.List<QueryInfo> queries) {}

  @Override
  public void afterQuery(ExecutionInfo execution, java.util.List<QueryInfo> queries) {
    if (!counting.get()) {
      return;
    }
    for (QueryInfo query : queries) {
      // A batch counts once per parameter set: each is a row the database works on.
      int times = Math.max(1, query.getParametersList().size());
      byTable.computeIfAbsent(key(query.getQuery()), k -> new LongAdder()).add(times);
    }
  }

  static String key(String sql) {
    return StatementCount.key(sql);
  }


  /** Wraps the application's DataSource; commits are counted on the proxied connections. */
  BeanPostProcessor wrapper() {
    return StatementCount.proxying(builder -> builder
        .listener(this)
        .afterMethod(method -> {
          if (counting.get() && "commit".equals(method.getMethod().getName())
              && method.getTarget() instanceof java.sql.Connection) {
            commits.incrementAndGet();
          }
        }));
  }
}
