// What the dashboard's and the roll-up's charts share (Apache ECharts, vendored): the chart data and its words from
// the server (#id[data-chart], words already in the reader's language), the status lights' colours of site.css, and a
// chart per element id ("暂无数据" is a line from the server, not an empty canvas).
window.LedgerCharts = {
  colors: { not_started: "#7a828e", on_track: "#1e7b34", at_risk: "#b7791f", overdue: "#b42318", done: "#2c6fb0" },
  data: root => JSON.parse(root.dataset.chart),
  narrow: root => root.clientWidth < 560,
  init: id => {
    const el = document.getElementById(id);
    return el ? echarts.init(el, null, { renderer: "canvas" }) : { setOption() {}, resize() {} };
  },
  resizeWith: (root, charts) => {
    const resize = () => charts.forEach(c => c.resize());
    if (window.ResizeObserver) new ResizeObserver(resize).observe(root); else window.addEventListener("resize", resize);
  },
};
