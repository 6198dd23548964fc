// Renders the dashboard charts from the JSON in #dashboard[data-chart] (Apache ECharts, vendored).
document.addEventListener("DOMContentLoaded", () => {
  const root = document.getElementById("dashboard");
  if (!root || !window.echarts || !window.LedgerCharts) return;
  const { colors, init } = LedgerCharts;
  const d = LedgerCharts.data(root);
  const words = d.labels;
  // On a phone the pie's labels go inside the slices and the names into a legend below; the unit axis labels turn further.
  const narrow = LedgerCharts.narrow(root);
  const status = init("chart-status");
  status.setOption({
    animation: false, tooltip: {},
    legend: narrow ? { bottom: 0, itemWidth: 12, itemHeight: 10 } : undefined,
    series: [{ type: "pie", radius: narrow ? ["30%", "62%"] : ["35%", "65%"], center: narrow ? ["50%", "44%"] : ["50%", "50%"],
      label: narrow ? { position: "inside", formatter: p => (p.value ? String(p.value) : ""), color: "#fff" } : { formatter: "{b}: {c}" },
      data: Object.entries(d.byStatus).map(([k, v]) => ({ name: words.status[k], value: v, itemStyle: { color: colors[k] } })) }],
  });
  const units = init("chart-units");
  units.setOption({
    animation: false, tooltip: { trigger: "axis" }, legend: {},
    xAxis: { type: "category", data: d.byUnit.map(u => u.unit), axisLabel: { interval: 0, rotate: narrow ? 60 : 30, width: 90, overflow: "truncate" } },
    yAxis: [{ type: "value" }, { type: "value", max: 100, axisLabel: { formatter: "{value}%" } }],
    grid: { bottom: 90 },
    series: [
      { name: words.tasks, type: "bar", data: d.byUnit.map(u => u.tasks) },
      { name: words.done, type: "bar", data: d.byUnit.map(u => u.done), itemStyle: { color: colors.done } },
      { name: words.overdue, type: "bar", data: d.byUnit.map(u => u.overdue), itemStyle: { color: colors.overdue } },
      { name: words.progress, type: "line", yAxisIndex: 1, data: d.byUnit.map(u => u.progress) },
    ],
  });
  const periods = init("chart-periods");
  periods.setOption({
    animation: false, tooltip: { trigger: "axis" },
    xAxis: { type: "category", data: d.byPeriod.map(p => p.period) },
    yAxis: { type: "value", max: 100, axisLabel: { formatter: "{value}%" } },
    series: [{ name: words.reported, type: "line", data: d.byPeriod.map(p => p.progress) }],
  });
  LedgerCharts.resizeWith(root, [status, units, periods]);
});
