package org.caserouting.bench;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.jfree.chart.ChartFactory;
import org.jfree.chart.ChartUtils;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.plot.PlotOrientation;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/** The PNG chart of docs/performance.md: throughput against client threads. */
final class Chart {

  private Chart() {}

  @SuppressWarnings("unchecked")
  static void throughput(Path png, Map<String, Object> results) throws IOException {
    XYSeries intake = series("intake, agency queries off, applications/s", results.get("intake"));
    XYSeries intakeWithQueries = series("intake, agency queries on, applications/s", results.get("intakeWithAgencyQueries"));
    XYSeries ours = new XYSeries("full lifecycle, cases/s");
    XYSeries baseline = new XYSeries("bare engine, same shape, cases/s");
    ((Map<String, Map<String, Object>>) results.get("lifecycle")).forEach((threads, r) -> {
      ours.add(threadsOf(threads), ((Number) r.get("oursCasesPerSecond")).doubleValue());
      baseline.add(threadsOf(threads), ((Number) r.get("baselineCasesPerSecond")).doubleValue());
    });
    XYSeriesCollection data = new XYSeriesCollection();
    data.addSeries(intake);
    data.addSeries(intakeWithQueries);
    data.addSeries(ours);
    data.addSeries(baseline);
    JFreeChart chart = ChartFactory.createXYLineChart("Throughput against client threads", "client threads",
        "per second", data, PlotOrientation.VERTICAL, true, false, false);
    ChartUtils.saveChartAsPNG(png.toFile(), chart, 900, 560);
  }

  @SuppressWarnings("unchecked")
  private static XYSeries series(String name, Object intakeResults) {
    XYSeries series = new XYSeries(name);
    ((Map<String, Map<String, Object>>) intakeResults).forEach((threads, r) ->
        series.add(threadsOf(threads), ((Number) r.get("applicationsPerSecond")).doubleValue()));
    return series;
  }

  private static int threadsOf(String label) {
    return Integer.parseInt(label.split(" ")[0]);
  }
}
