// Renders the roll-up's bars from the JSON in #rollup[data-chart] (Apache ECharts, vendored), as dashboard.js does.
document.addEventListener("DOMContentLoaded", () => {
  const root = document.getElementById("rollup");
  if (!root || !window.echarts) return;
  const d = JSON.parse(root.dataset.chart);
  const en = d.english;
  const names = en
    ? { not_started: "Not started", on_track: "On track", at_risk: "At risk", overdue: "Overdue", done: "Done" }
    : { not_started: "未开始", on_track: "正常推进", at_risk: "进度滞后", overdue: "逾期", done: "已完成" };
  // The status lights' colours of site.css.
  const colors = { not_started: "#7a828e", on_track: "#1e7b34", at_risk: "#b7791f", overdue: "#b42318", done: "#2c6fb0" };
  const narrow = root.clientWidth < 560;
  const opts = { renderer: "canvas" };
  // A chart without data is a "暂无数据" line from the server, not an empty canvas.
  const init = id => { const el = document.getElementById(id); return el ? echarts.init(el, null, opts) : { setOption() {}, resize() {} }; };
  const axis = { type: "category", data: d.names, axisLabel: { interval: 0, rotate: narrow ? 60 : 30, width: 90, overflow: "truncate" } };
  const status = init("chart-rollup-status");
  status.setOption({
    animation: false, tooltip: { trigger: "axis" }, legend: narrow ? { bottom: 0, itemWidth: 12, itemHeight: 10 } : {},
    grid: { bottom: narrow ? 120 : 90 }, xAxis: axis, yAxis: { type: "value" },
    series: d.statuses.map(s => ({ name: names[s], type: "bar", stack: "tasks", data: d.byStatus[s], itemStyle: { color: colors[s] } })),
  });
  const onTime = init("chart-rollup-ontime");
  onTime.setOption({
    animation: false, tooltip: { trigger: "axis", valueFormatter: v => v + "%" },
    grid: { bottom: 90 }, xAxis: axis, yAxis: { type: "value", max: 100, axisLabel: { formatter: "{value}%" } },
    series: [{ name: en ? "On-time reporting" : "按时报送率", type: "bar", data: d.onTime, itemStyle: { color: colors.on_track },
      label: { show: !narrow, position: "top", formatter: "{c}%" } }],
  });
  const resize = () => [status, onTime].forEach(c => c.resize());
  if (window.ResizeObserver) new ResizeObserver(resize).observe(root); else window.addEventListener("resize", resize);
});
