// Renders the dashboard charts from the JSON in #dashboard[data-chart] (Apache ECharts, vendored).
document.addEventListener("DOMContentLoaded", () => {
  const root = document.getElementById("dashboard");
  if (!root || !window.echarts) return;
  const d = JSON.parse(root.dataset.chart);
  const en = d.english;
  const names = en
    ? { not_started: "Not started", on_track: "On track", at_risk: "At risk", overdue: "Overdue", done: "Done" }
    : { not_started: "未开始", on_track: "正常推进", at_risk: "进度滞后", overdue: "逾期", done: "已完成" };
  // The status lights' colours of site.css.
  const colors = { not_started: "#7a828e", on_track: "#1e7b34", at_risk: "#b7791f", overdue: "#b42318", done: "#2c6fb0" };
  // On a phone the pie's labels go inside the slices and the names into a legend below; the unit axis labels turn further.
  const narrow = root.clientWidth < 560;
  const opts = { renderer: "canvas" };
  // A chart without data is a "暂无数据" line from the server, not an empty canvas.
  const init = id => { const el = document.getElementById(id); return el ? echarts.init(el, null, opts) : { setOption() {}, resize() {} }; };
  const status = init("chart-status");
  status.setOption({
    animation: false, tooltip: {},
    legend: narrow ? { bottom: 0, itemWidth: 12, itemHeight: 10 } : undefined,
    series: [{ type: "pie", radius: narrow ? ["30%", "62%"] : ["35%", "65%"], center: narrow ? ["50%", "44%"] : ["50%", "50%"],
      label: narrow ? { position: "inside", formatter: p => (p.value ? String(p.value) : ""), color: "#fff" } : { formatter: "{b}: {c}" },
      data: Object.entries(d.byStatus).map(([k, v]) => ({ name: names[k], value: v, itemStyle: { color: colors[k] } })) }],
  });
  const units = init("chart-units");
  units.setOption({
    animation: false, tooltip: { trigger: "axis" }, legend: {},
    xAxis: { type: "category", data: d.byUnit.map(u => u.unit), axisLabel: { interval: 0, rotate: narrow ? 60 : 30, width: 90, overflow: "truncate" } },
    yAxis: [{ type: "value" }, { type: "value", max: 100, axisLabel: { formatter: "{value}%" } }],
    grid: { bottom: 90 },
    series: [
      { name: en ? "Tasks" : "任务数", type: "bar", data: d.byUnit.map(u => u.tasks) },
      { name: en ? "Done" : "已完成", type: "bar", data: d.byUnit.map(u => u.done), itemStyle: { color: colors.done } },
      { name: en ? "Overdue" : "逾期", type: "bar", data: d.byUnit.map(u => u.overdue), itemStyle: { color: colors.overdue } },
      { name: en ? "Progress" : "平均进度", type: "line", yAxisIndex: 1, data: d.byUnit.map(u => u.progress) },
    ],
  });
  const periods = init("chart-periods");
  periods.setOption({
    animation: false, tooltip: { trigger: "axis" },
    xAxis: { type: "category", data: d.byPeriod.map(p => p.period) },
    yAxis: { type: "value", max: 100, axisLabel: { formatter: "{value}%" } },
    series: [{ name: en ? "Avg. reported progress" : "平均填报进度", type: "line", data: d.byPeriod.map(p => p.progress) }],
  });
  const resize = () => [status, units, periods].forEach(c => c.resize());
  if (window.ResizeObserver) new ResizeObserver(resize).observe(root); else window.addEventListener("resize", resize);
});
