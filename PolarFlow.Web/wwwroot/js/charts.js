// The one chart module: every [data-chart] element holds a ChartSpec (see Components/Shared/ChartSpec.cs) that this
// draws with uPlot. Colours come from the stylesheet (--chart-NAME), so dark mode and the palette live in one place.
(function () {
  "use strict";

  const css = (name) => getComputedStyle(document.documentElement).getPropertyValue("--chart-" + name).trim() || "#888";
  const alpha = (color, a) => color.startsWith("#") && color.length === 7
    ? color + Math.round(a * 255).toString(16).padStart(2, "0") : color;

  function stacked(spec) {
    // Stacked bars: each "stack" series is drawn as the running total, tallest first, so every layer shows.
    const idx = spec.series.map((s, i) => (s.kind === "stack" ? i : -1)).filter((i) => i >= 0);
    const totals = [];
    let run = spec.x.map(() => 0);
    for (const i of idx) {
      run = run.map((v, j) => v + (spec.series[i].values[j] ?? 0));
      totals.push({ i, values: run.slice() });
    }
    return totals.reverse();
  }

  function build(el, spec) {
    const axisColor = css("axis");
    const gridColor = css("grid");
    const data = [spec.x];
    const series = [{}];
    const stacks = stacked(spec);
    const plain = spec.series.filter((s) => s.kind !== "stack" && !s.hidden);
    const seriesIndex = {};
    for (const { i, values } of stacks) {
      const s = spec.series[i];
      seriesIndex[i] = data.length;
      data.push(values);
      series.push({ label: s.label, scale: "y", fill: css(s.color), stroke: css(s.color), width: 0,
        paths: uPlot.paths.bars({ size: [0.8, 40] }), points: { show: false },
        value: (u, v, si, di) => (di == null ? "—" : (s.values[di] ?? 0).toFixed(s.decimals)) });
    }
    spec.series.forEach((s, i) => {
      if (s.kind === "stack") return;
      seriesIndex[i] = data.length;
      data.push(s.values);
      const color = css(s.color);
      const base = { label: s.label + " (" + s.unit + ")", scale: s.axis === "y2" ? "y2" : "y", stroke: color, width: 2, show: !s.hidden,
        value: (u, v) => (v == null ? "—" : v.toFixed(s.decimals)), spanGaps: false };
      if (s.kind === "bars") Object.assign(base, { fill: alpha(color, 0.6), width: 0, paths: uPlot.paths.bars({ size: [0.8, 40] }), points: { show: false } });
      else if (s.kind === "step") Object.assign(base, { paths: uPlot.paths.stepped({ align: 1 }), points: { show: false } });
      else if (s.kind === "points") Object.assign(base, { width: 0, paths: () => null, points: { show: true, size: 5, fill: color, stroke: color } });
      else if (s.color === "band") Object.assign(base, { stroke: alpha(css("blue"), 0.35), width: 1, points: { show: false } });
      else base.points = { show: false };
      series.push(base);
    });
    const hasY2 = plain.some((s) => s.axis === "y2");
    const time = spec.xKind === "time";
    const yLabels = spec.yLabels;
    const axes = [
      { stroke: axisColor, grid: { stroke: gridColor }, ticks: { stroke: gridColor },
        values: time ? undefined : (u, vals) => vals.map((v) => v.toFixed(0)) },
      { stroke: axisColor, grid: { stroke: gridColor }, ticks: { stroke: gridColor }, size: 56,
        values: yLabels ? (u, vals) => vals.map((v) => yLabels[String(v)] ?? "") : undefined,
        splits: yLabels ? () => Object.keys(yLabels).map(Number) : undefined },
    ];
    if (hasY2) axes.push({ scale: "y2", side: 1, stroke: axisColor, grid: { show: false }, size: 56 });
    const opts = {
      width: Math.max(280, el.clientWidth), height: spec.height,
      scales: { x: { time }, y: yLabels ? { range: [0.5, Object.keys(yLabels).length + 0.5] } : {}, y2: {} },
      tzDate: (ts) => uPlot.tzDate(new Date(ts * 1e3), "Etc/UTC"),
      series, axes,
      bands: (spec.bands || []).map((b) => ({ series: [seriesIndex[b.upper], seriesIndex[b.lower]], fill: alpha(css("blue"), 0.15) })),
      legend: { live: true },
      cursor: { drag: { x: true, y: false } },
      hooks: { drawClear: [(u) => drawZones(u, spec.zones || [])] },
    };
    const plot = new uPlot(opts, data, el);
    el.dataset.drawn = String(spec.series.reduce((n, s) => n + s.values.filter((v) => v != null).length, 0));
    new ResizeObserver(() => plot.setSize({ width: Math.max(280, el.clientWidth), height: spec.height })).observe(el);
    return plot;
  }

  function drawZones(u, zones) {
    const ctx = u.ctx;
    for (const z of zones) {
      const top = u.valToPos(Math.min(z.to, u.scales.y.max ?? z.to), "y", true);
      const bottom = u.valToPos(Math.max(z.from, u.scales.y.min ?? z.from), "y", true);
      if (bottom <= top) continue;
      ctx.save();
      ctx.fillStyle = alpha(css(z.color), 0.12);
      ctx.fillRect(u.bbox.left, top, u.bbox.width, bottom - top);
      ctx.restore();
    }
  }

  function drawAll() {
    for (const el of document.querySelectorAll("[data-chart]")) {
      if (el.dataset.drawn) continue;
      try {
        build(el, JSON.parse(el.dataset.chart));
      } catch (e) {
        el.dataset.drawn = "error";
        el.textContent = "This chart could not be drawn; the numbers are in the table below.";
        console.error(e);
      }
    }
  }

  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", drawAll);
  else drawAll();
})();
