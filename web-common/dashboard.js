// The analytics dashboard: a date range (and, for admins, a merchant), the figures of
// GET /api/v1/analytics/summary as tiles, ECharts charts and tables with CSV export. The admin app
// shows it for the platform; the kitchen board shows it to an owner for their own merchant (the API
// scopes it, this only leaves the merchant picker out).

import { $, el, fill } from './dom.js';
import { dataTable } from './table.js';

const ECHARTS = '/webjars/echarts/dist/echarts.min.js';
let echartsLoading = null;

/** ECharts is a classic script (window.echarts); loaded on first use, charts are skipped without it. */
function loadEcharts() {
  if (window.echarts) return Promise.resolve(window.echarts);
  echartsLoading ??= new Promise((resolve) => {
    const script = el('script', { src: ECHARTS });
    script.onload = () => resolve(window.echarts);
    script.onerror = () => resolve(null);
    document.head.append(script);
  });
  return echartsLoading;
}

// the calendar day where the user is (a kitchen after midnight is on tomorrow while UTC is not);
// the summary reads days in each merchant's time zone
const isoDay = (date) => new Intl.DateTimeFormat('en-CA', { year: 'numeric', month: '2-digit', day: '2-digit' }).format(date);
let shown = [];
addEventListener('resize', () => shown.forEach((c) => c.resize()));

/** Money in minor units as the currency writes it; without one currency (mixed), the plain number. */
export function money(minor, currency) {
  if (minor === null || minor === undefined) return '—';
  if (!currency) return String(minor);
  return new Intl.NumberFormat(undefined, { style: 'currency', currency }).format(minor / 10 ** fractionDigits(currency));
}

/** How many minor units digits the currency has (2 for INR, 0 for JPY). */
const fractionDigits = (currency) => new Intl.NumberFormat(undefined, { style: 'currency', currency })
  .resolvedOptions().maximumFractionDigits;

const QUESTIONS = {
  confirm_cart: 'Confirm the cart', address: 'Where to deliver', payment: 'How to pay', email: 'Email for receipts',
  which_item: 'Which item was meant', not_understood: 'Not understood', minimum_order: 'Below the minimum order',
  closed: 'Closed or paused', what_to_order: 'What to order', none: 'Nothing asked',
};
const questionText = (q) => QUESTIONS[q] ?? q;

const percent = (rate) => (rate === null || rate === undefined ? '—' : (rate * 100).toFixed(1) + ' %');
const number = (n) => (n === null || n === undefined ? '—' : String(n));

/**
 * Mounts the dashboard into root. options: { api, merchants?: [{id, name}] (admin: the picker's
 * choices), title? }. Answers { load } to reload with the current filters.
 */
export function mountDashboard(root, { api, merchants = null, title = 'Dashboard' }) {
  const today = new Date();
  const from = el('input', { type: 'date', id: 'dash-from', value: isoDay(new Date(today.getTime() - 29 * 86400000)) });
  const to = el('input', { type: 'date', id: 'dash-to', value: isoDay(today) });
  const picker = merchants ? el('select', { id: 'dash-merchant' }, el('option', { value: '' }, 'All merchants'),
    merchants.map((m) => el('option', { value: m.id }, m.name))) : null;
  const error = el('p', { class: 'error', role: 'alert' });
  const body = el('div', { class: 'dash-body' });
  const form = el('form', { class: 'dash-filters', onsubmit: (e) => { e.preventDefault(); load(); } },
    el('h2', {}, title),
    el('label', {}, 'From ', from), el('label', {}, 'To ', to),
    picker ? el('label', {}, 'Merchant ', picker) : null,
    el('button', { type: 'submit', class: 'primary' }, 'Show'));
  fill(root, form, error, body);

  async function load() {
    error.textContent = '';
    const query = new URLSearchParams({ from: from.value, to: to.value });
    if (picker?.value) query.set('merchantId', picker.value);
    let summary;
    try {
      summary = await api('GET', '/analytics/summary?' + query);
    } catch (e) {
      error.textContent = e.problems?.length ? e.problems.map((p) => p.path + ' ' + p.reason).join('; ') : e.message;
      return;
    }
    await render(body, summary, !!merchants);
  }

  load();
  return { load };
}

function tile(id, label, value, raw) {
  return el('div', { class: 'tile', id, 'data-value': raw === null || raw === undefined ? '' : String(raw) },
    el('span', { class: 'tile-label' }, label), el('strong', {}, value));
}

async function render(body, s, admin) {
  const cur = s.currency;
  const m = (v) => money(v, cur);
  const channels = Object.entries(s.byChannel).map(([channel, f]) => ({ channel, ...f }));
  const statuses = Object.entries(s.byStatus).map(([status, count]) => ({ status, count }));
  const f = s.funnel;
  const u = s.understanding;
  const steps = [['Conversations', f.conversations], ['Carts shown', f.carts], ['Confirmed', f.confirmed],
    ['Paid / accepted', f.paid], ['Delivered', f.delivered]].map(([step, count]) => ({ step, count }));
  const charts = el('div', { class: 'charts' });
  fill(body,
    el('div', { class: 'tiles' },
      tile('kpi-orders', 'Orders', number(s.orders), s.orders),
      tile('kpi-gmv', 'Sales (GMV)', m(s.gmv), s.gmv),
      tile('kpi-aov', 'Average order', m(s.averageOrderValue), s.averageOrderValue),
      tile('kpi-ontime', 'On time', percent(s.onTimeRate), s.onTimeRate),
      tile('kpi-repeat', 'Repeat orders', percent(s.customers.repeatRate), s.customers.repeatRate),
      tile('kpi-conversations', 'Conversations', number(f.conversations), f.conversations),
      tile('kpi-not-understood', 'Not understood', percent(u.notUnderstoodRate), u.notUnderstoodRate)),
    charts,
    el('div', { class: 'tables' },
      dataTable('Sales by day', [{ label: 'Day', value: (r) => r.period }, { label: 'Orders', value: (r) => r.orders },
        { label: 'GMV (minor units)', value: (r) => r.gmv, text: (r) => m(r.gmv) }], s.byDay, { id: 'table-days' }),
      dataTable('Sales by week', [{ label: 'Week', value: (r) => r.period }, { label: 'Orders', value: (r) => r.orders },
        { label: 'GMV (minor units)', value: (r) => r.gmv, text: (r) => m(r.gmv) }], s.byWeek, { id: 'table-weeks' }),
      dataTable('By channel', [{ label: 'Channel', value: (r) => r.channel }, { label: 'Orders', value: (r) => r.orders },
        { label: 'GMV (minor units)', value: (r) => r.gmv, text: (r) => m(r.gmv) }], channels, { id: 'table-channels' }),
      admin ? dataTable('By merchant', [{ label: 'Merchant', value: (r) => r.name || r.merchantId },
        { label: 'Orders', value: (r) => r.orders },
        { label: 'GMV (minor units)', value: (r) => r.gmv, text: (r) => money(r.gmv, r.currency) }], s.byMerchant,
      { id: 'table-merchants' }) : null,
      dataTable('Top items', [{ label: 'Item', value: (r) => r.name }, { label: 'Quantity', value: (r) => r.quantity },
        { label: 'GMV (minor units)', value: (r) => r.gmv, text: (r) => m(r.gmv) }], s.topItems, { id: 'table-items' }),
      dataTable('Funnel', [{ label: 'Step', value: (r) => r.step }, { label: 'Count', value: (r) => r.count }], steps,
        { id: 'table-funnel' }),
      dataTable('Where customers left', [{ label: 'Last question', value: (r) => r.question, text: (r) => questionText(r.question) },
        { label: 'Conversations', value: (r) => r.conversations }], f.leftAt ?? [],
      { id: 'table-left', empty: 'No conversation ended without an order in this range.' }),
      dataTable('Understanding', [{ label: 'Figure', value: (r) => r[0] }, { label: 'Value', value: (r) => r[1] }], [
        ['Customer messages', u.messages], ['Not understood', percent(u.notUnderstoodRate)],
        ['Clarifying questions per order', number(u.clarificationsPerOrder)],
        ['Read with the local model (LLM fallback)', percent(u.llmFallbackRate)],
        ['Average model time (ms)', number(u.llmAverageMillis)]], { id: 'table-understanding' }),
      dataTable('Order statuses', [{ label: 'Status', value: (r) => r.status }, { label: 'Orders', value: (r) => r.count }],
        statuses, { id: 'table-statuses' }),
      dataTable('Kitchen', [{ label: 'Figure', value: (r) => r[0] }, { label: 'Value', value: (r) => r[1] }], [
        ['Orders accepted', s.kitchen.accepted], ['Average seconds to accept', s.kitchen.averageSecondsToAccept],
        ['Average promised minutes', s.kitchen.averagePromisedMinutes],
        ['Average minutes to ready', s.kitchen.averageReadyMinutes], ['Ready later than promised', percent(s.kitchen.readyLateRate)],
        ['Auto-rejected (not accepted in time)', s.kitchen.autoRejections]], { id: 'table-kitchen' }),
      dataTable('Delivery', [{ label: 'Figure', value: (r) => r[0] }, { label: 'Value', value: (r) => r[1] }], [
        ['Deliveries measured', s.delivery.delivered], ['On time', percent(s.delivery.onTimeRate)],
        ['Average minutes on the road', s.delivery.averageDeliveryMinutes]], { id: 'table-delivery' }),
      dataTable('Drivers', [{ label: 'Driver', value: (r) => r.name || r.driverId },
        { label: 'Deliveries', value: (r) => r.deliveries },
        { label: 'On time', value: (r) => r.onTimeRate, text: (r) => percent(r.onTimeRate) },
        { label: 'Average minutes on the road', value: (r) => r.averageDeliveryMinutes }], s.delivery.perDriver ?? [],
      { id: 'table-drivers', empty: 'No delivery completed in this range.' }),
      dataTable('Customers', [{ label: 'Figure', value: (r) => r[0] }, { label: 'Value', value: (r) => r[1] }], [
        ['New customers', s.customers.newCustomers], ['Orders by returning customers', s.customers.returningOrders],
        ['Repeat rate', percent(s.customers.repeatRate)]], { id: 'table-customers' })));
  const echarts = await loadEcharts();
  if (!echarts) return;
  shown.forEach((c) => c.dispose());
  shown = [];
  const options = [];
  const chart = (id, option) => options.push([id, option]);
  chart('chart-days', {
    title: { text: 'Sales by day', textStyle: { fontSize: 14 } }, tooltip: { trigger: 'axis' },
    legend: { top: 24 }, grid: { top: 60, left: 60, right: 50, bottom: 30 },
    xAxis: { type: 'category', data: s.byDay.map((d) => d.period) },
    yAxis: [{ type: 'value', name: 'GMV' }, { type: 'value', name: 'Orders' }],
    series: [{ name: 'GMV', type: 'bar', data: s.byDay.map((d) => (cur ? d.gmv / 10 ** fractionDigits(cur) : d.gmv)) },
      { name: 'Orders', type: 'line', yAxisIndex: 1, data: s.byDay.map((d) => d.orders) }],
  });
  chart('chart-channels', {
    title: { text: 'Orders by channel', textStyle: { fontSize: 14 } }, tooltip: { trigger: 'item' },
    series: [{ type: 'pie', radius: ['35%', '65%'], top: 20, data: channels.map((c) => ({ name: c.channel, value: c.orders })) }],
  });
  chart('chart-funnel', {
    title: { text: 'Order funnel', textStyle: { fontSize: 14 } }, tooltip: { trigger: 'item' },
    // the steps' names stand to the right of the funnel: leave them room so they are read whole
    series: [{ type: 'funnel', top: 30, left: '5%', width: '55%', sort: 'none', data: steps.filter((x) => x.count !== null)
      .map((x) => ({ name: x.step, value: x.count })) }],
  });
  const left = (f.leftAt ?? []).slice().reverse();
  // an empty bar chart says less than the table's "no conversation ended without an order"
  if (left.length) chart('chart-left', {
    title: { text: 'Where customers left', textStyle: { fontSize: 14 } }, tooltip: { trigger: 'axis' },
    grid: { top: 40, left: 150, right: 30, bottom: 30 },
    xAxis: { type: 'value', name: 'Conversations', minInterval: 1 },
    yAxis: { type: 'category', data: left.map((q) => questionText(q.question)) },
    series: [{ type: 'bar', data: left.map((q) => q.conversations) }],
  });
  // every frame is in the grid before any is drawn: ECharts sizes its canvas once, from the frame's width then
  const frames = options.map(([id, option]) => el('div', { class: 'chart-canvas', id, role: 'img', 'aria-label': option.title.text }));
  charts.append(...frames.map((frame) => el('div', { class: 'chart' }, frame)));
  options.forEach(([, option], i) => {
    // no animation: the figures are read, not watched, and a screenshot shows them whole
    const instance = echarts.init(frames[i], null, { renderer: 'canvas' });
    instance.setOption({ animation: false, ...option });
    shown.push(instance);
  });
}
