// Renders the roll-up's bars from the JSON in #rollup[data-chart] (charts.js: colours, words, chart per id).
document.addEventListener("DOMContentLoaded", () => {
  const root = document.getElementById("rollup");
  if (!root || !window.echarts || !window.LedgerCharts) return;
  const { colors, init } = LedgerCharts;
  const d = LedgerCharts.data(root);
  const words = d.labels;
  const narrow = LedgerCharts.narrow(root);
  const axis = { type: "category", data: d.names, axisLabel: { interval: 0, rotate: narrow ? 60 : 30, width: 90, overflow: "truncate" } };
  const status = init("chart-rollup-status");
  status.setOption({
    animation: false, tooltip: { trigger: "axis" }, legend: narrow ? { bottom: 0, itemWidth: 12, itemHeight: 10 } : {},
    grid: { bottom: narrow ? 120 : 90 }, xAxis: axis, yAxis: { type: "value" },
    series: d.statuses.map(s => ({ name: words.status[s], type: "bar", stack: "tasks", data: d.byStatus[s], itemStyle: { color: colors[s] } })),
  });
  const onTime = init("chart-rollup-ontime");
  onTime.setOption({
    animation: false, tooltip: { trigger: "axis", valueFormatter: v => v + "%" },
    grid: { bottom: 90 }, xAxis: axis, yAxis: { type: "value", max: 100, axisLabel: { formatter: "{value}%" } },
    series: [{ name: words.onTime, type: "bar", data: d.onTime, itemStyle: { color: colors.on_track },
      label: { show: !narrow, position: "top", formatter: "{c}%" } }],
  });
  LedgerCharts.resizeWith(root, [status, onTime]);
});
