// BPO Contract Flow's 合同看板 on Cockpit's dashboard: a Cockpit frontend plugin (plugin point
// cockpit.dashboard), loaded through customScripts in config.js as an ES module from the application's own
// origin. It reads the application's JSON (GET /staff/pipeline and /staff/pipeline/figures, PipelineController:
// the staff session of the web apps, no engine variables) and draws:
//  - the figures managers ask for: signing time (median and p90, request to both signatures, last 90 days)
//    against the target, contracts ended before formation by stage (and the latest of them with who ended
//    them and why), deposits outstanding;
//  - the count of open contracts per stage (a click filters by it);
//  - the open contracts: number, merchant, stage, current step and who holds it, working days in the step
//    and since the request, signing or go-live target, last e-mail to the merchant and whether it answered,
//    with links to the Cockpit instance and the contract's documents; filtered by stage, team and overdue,
//    sorted by number or by waiting time.
// Everything shown is text set through textContent (no HTML from data).

const base = document.querySelector('base');
// the web apps' root (/camunda); the application's own pages are beside it
const appRoot = (base && base.getAttribute('app-root')) || '/camunda';
const applicationRoot = appRoot.replace(/\/[^/]*$/, '');

const STAGES = [
  ['NEEDS_AND_PROPOSAL', '需求与方案'], ['CONTRACT_REVIEW', '合同审阅'], ['SIGNING', '签署'],
  ['DEPOSIT', '定金或履约保证金'], ['ONBOARDING', '培训与对接'], ['LIVE', '已上线/服务期'], ['TERMINATING', '解约中'],
];
const TEAMS = [['sales', '销售团队'], ['legal', '法务团队'], ['finance', '财务团队'], ['onboarding', '上线实施团队'],
  ['managers', '管理层']];
const SORTS = [['daysInStep', '本步骤等待最久'], ['daysSinceRequest', '自需求起最久'], ['contractNumber', '合同编号']];
const PAGE = 200;

function el(tag, attributes, ...children) {
  const node = document.createElement(tag);
  Object.entries(attributes || {}).forEach(([name, value]) => {
    if (name === 'className') {
      node.className = value;
    } else if (name.startsWith('on')) {
      node.addEventListener(name.slice(2), value);
    } else if (value !== undefined && value !== null) {
      node.setAttribute(name, value);
    }
  });
  children.flat().forEach((child) => {
    if (child !== null && child !== undefined) {
      node.append(child instanceof Node ? child : String(child));
    }
  });
  return node;
}

function select(label, options, value, onChange) {
  const choice = el('select', { className: 'form-control input-sm', onchange: (e) => onChange(e.target.value) },
    options.map(([v, text]) => {
      const option = el('option', { value: v }, text);
      option.selected = v === value;
      return option;
    }));
  return el('label', { className: 'bpo-board-filter' }, label + ' ', choice);
}

async function getJson(path) {
  const response = await fetch(applicationRoot + path, { credentials: 'same-origin', headers: { Accept: 'application/json' } });
  const body = await response.json().catch(() => ({}));
  if (!response.ok) {
    const error = new Error(body.message || ('HTTP ' + response.status));
    error.status = response.status;
    throw error;
  }
  return body;
}

const beijing = new Intl.DateTimeFormat('zh-CN', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit',
  day: '2-digit', hour: '2-digit', minute: '2-digit', hour12: false });
const when = (iso) => (iso ? beijing.format(new Date(iso)) : '');
const yuan = (amount) => Number(amount).toLocaleString('zh-CN', { minimumFractionDigits: 2, maximumFractionDigits: 2 });
const dash = (value) => (value === null || value === undefined ? '—' : value);

function figuresView(figures) {
  if (!figures) {
    return null;
  }
  const signing = figures.signing;
  const target = signing.targetWorkingDays ? signing.targetWorkingDays + ' 个工作日' : signing.target;
  const ended = figures.endedBeforeFormation.length === 0 ? '无'
    : figures.endedBeforeFormation.map((row) => `${row.statusLabel}（${row.stageLabel}）${row.count} 份`).join('；');
  const deposits = figures.depositsOutstanding;
  return el('div', { className: 'bpo-board-figures' },
    el('div', {}, el('strong', {}, '签约用时'),
      `（近 ${signing.windowDays} 天成立的 ${signing.contracts} 份合同，自收到需求至双方签署）：中位数 `
      + `${dash(signing.medianWorkingDays)} 个工作日（${dash(signing.medianDays)} 天），P90 `
      + `${dash(signing.p90WorkingDays)} 个工作日（${dash(signing.p90Days)} 天）；目标 ${target}，`
      + `按期 ${signing.withinTarget} 份`),
    el('div', {}, el('strong', {}, '未成立即结束'), `（近 ${signing.windowDays} 天）：${ended}`),
    el('div', {}, el('strong', {}, '待收定金或履约保证金'),
      `：${deposits.contracts} 份合同，共 ${yuan(deposits.amount)} 元`),
    endedView(figures.recentlyEnded));
}

// the contracts that ended before formation, and why (who ended them, the reason they gave)
function endedView(ended) {
  if (!ended || ended.length === 0) {
    return null;
  }
  return el('details', { className: 'bpo-board-ended' },
    el('summary', {}, `最近未成立即结束的合同（${ended.length} 份）`),
    el('table', { className: 'table table-condensed' },
      el('thead', {}, el('tr', {}, ['合同编号', '商家', '结果', '由谁', '原因', '时间'].map((t) => el('th', {}, t)))),
      el('tbody', {}, ended.map((row) => el('tr', {}, el('td', {}, row.contractNumber), el('td', {}, row.merchantName),
        el('td', {}, row.statusLabel), el('td', {}, row.endedBy), el('td', {}, dash(row.reason)),
        el('td', {}, when(row.at)))))));
}

function stagesView(stages, state, reload) {
  return el('div', { className: 'bpo-board-stages' }, stages.map((stage) => el('button', {
    type: 'button',
    className: 'btn btn-sm ' + (state.stage === stage.stage ? 'btn-primary' : 'btn-default'),
    title: state.stage === stage.stage ? '再点一次显示全部阶段' : '只看此阶段',
    onclick: () => {
      state.stage = state.stage === stage.stage ? '' : stage.stage;
      reload();
    },
  }, `${stage.label} `, el('span', { className: 'badge' }, stage.count))));
}

function holder(step) {
  if (step.assignee) {
    return step.assignee;
  }
  return step.teamLabels && step.teamLabels.length ? step.teamLabels.join('、') + '（未认领）' : '—';
}

function rowView(row) {
  const steps = row.steps.length === 0 ? '—' : row.steps.map((step) => `${step.name}（${holder(step)}）`).join('；');
  const inStep = row.steps.length === 0 ? '—'
    : Math.max(...row.steps.map((step) => step.workingDaysInStep));
  const target = row.signingTargetLabel ? '签约' + row.signingTargetLabel
    : row.goLiveTargetLabel ? '上线' + row.goLiveTargetLabel : '—';
  const overdue = row.signingTarget === 'OVERDUE' || row.goLiveTarget === 'OVERDUE';
  const email = row.lastEmail
    ? `${row.lastEmail.subject}（${row.lastEmail.statusLabel}，${when(row.lastEmail.at)}）` : '—';
  const answered = row.merchantAnsweredLastEmail === null || row.merchantAnsweredLastEmail === undefined ? '—'
    : row.merchantAnsweredLastEmail ? '已回复' : '未回复';
  const links = [];
  if (row.links.cockpit) {
    links.push(el('a', { href: applicationRoot + row.links.cockpit }, '流程实例'));
  }
  links.push(el('a', { href: applicationRoot + row.links.documentsPage, target: '_blank', rel: 'noopener' }, '合同文件'));
  return el('tr', { className: overdue ? 'bpo-board-overdue' : '' },
    el('td', {}, row.contractNumber), el('td', {}, row.merchantName), el('td', {}, row.stageLabel),
    el('td', {}, steps), el('td', { className: 'text-right' }, inStep),
    el('td', { className: 'text-right' }, row.workingDaysSinceRequest),
    el('td', {}, target), el('td', {}, email), el('td', {}, answered),
    el('td', {}, links.flatMap((link, i) => (i ? [' · ', link] : [link]))));
}

function tableView(body) {
  const head = ['合同编号', '商家', '阶段', '当前步骤（处理人）', '本步骤（工作日）', '自需求起（工作日）', '目标',
    '最近一封邮件', '商家', '查看'];
  return el('table', { className: 'table table-condensed table-hover bpo-board-table' },
    el('thead', {}, el('tr', {}, head.map((text) => el('th', {}, text)))),
    el('tbody', {}, body.contracts.length === 0
      ? el('tr', {}, el('td', { colspan: head.length }, '没有符合条件的进行中合同'))
      : body.contracts.map(rowView)));
}

function render(node) {
  const state = { stage: '', team: '', overdue: false, sort: 'daysInStep' };
  const root = el('section', { className: 'bpo-board' });
  node.appendChild(root);

  async function reload() {
    const query = new URLSearchParams({ sort: state.sort, limit: String(PAGE) });
    if (state.stage) {
      query.set('stage', state.stage);
    }
    if (state.team) {
      query.set('team', state.team);
    }
    if (state.overdue) {
      query.set('overdue', 'true');
    }
    let pipeline;
    let figures = null;
    try {
      pipeline = await getJson('/staff/pipeline?' + query);
    } catch (error) {
      root.replaceChildren(el('h3', {}, '合同看板'), el('p', { className: 'text-danger' }, '无法读取合同看板：' + error.message));
      return;
    }
    try {
      figures = await getJson('/staff/pipeline/figures');
    } catch (error) {
      // teams see their contracts but not the figures over all contracts (403)
    }
    const shown = pipeline.total > pipeline.contracts.length
      ? `共 ${pipeline.total} 份，显示前 ${pipeline.contracts.length} 份` : `共 ${pipeline.total} 份`;
    root.replaceChildren(
      el('h3', {}, '合同看板 ', el('small', {}, `进行中的合同（${shown}，更新于 ${when(pipeline.generatedAt)}）`)),
      figuresView(figures),
      stagesView(pipeline.stages, state, reload),
      el('div', { className: 'bpo-board-filters form-inline' },
        select('阶段', [['', '全部'], ...STAGES], state.stage, (v) => { state.stage = v; reload(); }),
        select('团队', [['', '全部'], ...TEAMS], state.team, (v) => { state.team = v; reload(); }),
        el('label', { className: 'bpo-board-filter' }, (() => {
          const box = el('input', { type: 'checkbox', onchange: (e) => { state.overdue = e.target.checked; reload(); } });
          box.checked = state.overdue;
          return box;
        })(), ' 只看已超期'),
        select('排序', SORTS, state.sort, (v) => { state.sort = v; reload(); }),
        el('a', { href: applicationRoot + '/staff/pipeline', target: '_blank', rel: 'noopener',
          title: '同样的数据（JSON），供报表工具读取' }, 'JSON')),
      tableView(pipeline));
  }

  reload();
}

export default [{
  id: 'bpo.contract-board',
  pluginPoint: 'cockpit.dashboard',
  priority: 100,
  render,
}];
