// The oversight page's charts, drawn by Chart.js from the figures the page carries in a data
// attribute (the same figures its tables show). No inline script: the page's policy allows only
// scripts from this server.
(function () {
  'use strict';
  var canvas = document.getElementById('figures-chart');
  if (!canvas || typeof Chart === 'undefined') {
    return;
  }
  var report = JSON.parse(canvas.dataset.figures);
  // One agency: a bar per type of it; several: a bar per agency.
  var rows = report.agencies.length === 1
    ? report.agencies[0].byType.map(function (t) { return { label: t.caseTypeName, f: t.figures }; })
    : report.agencies.map(function (a) { return { label: a.agencyName, f: a.total }; });

  Chart.defaults.font.family = '"Noto Sans CJK TC", "AR PL UMing TW", sans-serif';
  Chart.defaults.animation = false;

  new Chart(canvas, {
    data: {
      labels: rows.map(function (r) { return r.label; }),
      datasets: [
        { type: 'bar', label: '如期結案 Decided on time', stack: 'decided', backgroundColor: '#2e7d32',
          data: rows.map(function (r) { return r.f.onTime; }) },
        { type: 'bar', label: '逾期結案 Decided late', stack: 'decided', backgroundColor: '#c62828',
          data: rows.map(function (r) { return r.f.decided - r.f.onTime; }) },
        { type: 'bar', label: '待辦 Open', stack: 'open', backgroundColor: '#78909c',
          data: rows.map(function (r) { return r.f.backlog; }) },
        { type: 'line', label: '處理日數中位數 Lead time median (working days)', yAxisID: 'days',
          borderColor: '#1565c0', backgroundColor: '#1565c0',
          data: rows.map(function (r) { return r.f.leadTimeMedianDays; }) }
      ]
    },
    options: {
      responsive: true,
      maintainAspectRatio: false,
      scales: {
        x: { stacked: true },
        y: { stacked: true, beginAtZero: true, title: { display: true, text: '件數 Cases' }, ticks: { precision: 0 } },
        days: { position: 'right', beginAtZero: true, grid: { drawOnChartArea: false },
          title: { display: true, text: '工作日 Working days' } }
      }
    }
  });

  var coReviews = document.getElementById('co-review-chart');
  if (coReviews && report.coReviews.length > 0) {
    new Chart(coReviews, {
      type: 'bar',
      data: {
        labels: report.coReviews.map(function (c) { return c.agencyName; }),
        datasets: [
          { label: '已回復 Answered', backgroundColor: '#2e7d32', data: report.coReviews.map(function (c) { return c.answered; }) },
          { label: '逾期未復 No response', backgroundColor: '#c62828', data: report.coReviews.map(function (c) { return c.noResponse; }) }
        ]
      },
      options: {
        responsive: true,
        maintainAspectRatio: false,
        scales: { x: { stacked: true }, y: { stacked: true, beginAtZero: true, ticks: { precision: 0 } } }
      }
    });
  }
}());
