// Takes contracts from request to go-live through Camunda Tasklist, logged in as the demo users, once per
// signing method. The e-signature and payment systems (MerchantSigned, DepositReceived) and the notice
// report use the integration endpoints with the demo API key, as those systems would. Run against a
// started default application:
//   npm install && node tasklist-walkthrough.mjs [http://localhost:8080]
// Needs Chromium at /usr/bin/chromium (Debian package "chromium"; "fonts-noto-cjk" for the screenshots).
import { chromium } from 'playwright-core';

const base = process.argv[2] || 'http://localhost:8080';
const api = `${base}/engine-rest`;
const auth = 'Basic ' + Buffer.from('admin:demo').toString('base64');
const today = new Date();
// dates as the application reads them: calendar days in China (Asia/Shanghai)
const iso = (d) => d.toLocaleDateString('sv-SE', { timeZone: 'Asia/Shanghai' });
const yesterday = iso(new Date(today.getTime() - 86400000));
const tomorrow = iso(new Date(today.getTime() + 86400000));

// a system's report through /api/integrations/<endpoint> (demo key; see docs/integration.md)
async function report(endpoint, body) {
  const response = await fetch(`${base}/api/integrations/${endpoint}`, {
    method: 'POST',
    headers: { 'Content-Type': 'application/json', Authorization: 'Bearer demo-integration-key-not-for-production' },
    body: JSON.stringify(body),
  });
  if (!response.ok) throw new Error(`${endpoint}: ${response.status} ${await response.text()}`);
  return response.json();
}

async function rest(path, body) {
  const response = await fetch(api + path, {
    method: body ? 'POST' : 'GET',
    headers: { 'Content-Type': 'application/json', Authorization: auth },
    body: body ? JSON.stringify(body) : undefined,
  });
  if (!response.ok) throw new Error(`${path}: ${response.status} ${await response.text()}`);
  return response.status === 204 ? null : response.json();
}

const browser = await chromium.launch({
  executablePath: process.env.CHROMIUM || '/usr/bin/chromium',
  args: ['--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-component-update',
    '--disable-sync', '--no-first-run'],
});

async function login(user) {
  const context = await browser.newContext({ viewport: { width: 1400, height: 1600 }, locale: 'zh-CN' });
  const page = await context.newPage();
  await page.goto(`${base}/camunda/app/tasklist/default/`);
  await page.fill('input[ng-model="username"]', user);
  await page.fill('input[type=password]', 'demo');
  await page.keyboard.press('Enter');
  await page.waitForSelector('text=全部任务');
  return page;
}

const field = (page, kind, label) => page.locator(`.fjs-form-field-${kind}`, { hasText: label }).first();

async function fill(page, values) {
  for (const [label, [kind, value]] of Object.entries(values)) {
    const f = field(page, kind, label);
    if (kind === 'textfield' || kind === 'number') await f.locator('input').fill(String(value));
    else if (kind === 'textarea') await f.locator('textarea').fill(value);
    else if (kind === 'checkbox') { if (value) await f.locator('input').check(); }
    else if (kind === 'radio') await f.locator('label', { hasText: value }).first().click();
    else if (kind === 'select') {
      await f.locator('.fjs-input-group').first().click();
      await page.locator('.fjs-dropdownlist-item', { hasText: value }).first().click();
    } else if (kind === 'datetime') {
      const [y, m, d] = value.split('-');
      const input = f.locator('input').first();
      await input.click();
      // the date picker reads dates in the browser's locale; zh-CN writes 2026/1/31
      await input.fill(`${y}/${Number(m)}/${Number(d)}`);
      await input.press('Enter');
      await page.keyboard.press('Escape');
    } else throw new Error('unknown field kind ' + kind);
  }
}

async function completeTask(user, processInstanceId, taskKey, values) {
  // a step after an asynchronous continuation (the review round renders the contract in a job) opens
  // once the job executor ran it: wait for the task up to 30 s
  let task;
  for (let waited = 0; !task && waited <= 30000; waited += 250) {
    [task] = await rest(`/task?processInstanceId=${processInstanceId}&taskDefinitionKey=${taskKey}`);
    if (!task) await new Promise((resolve) => setTimeout(resolve, 250));
  }
  if (!task) throw new Error(`no open task ${taskKey}`);
  const page = await login(user);
  await page.goto(`${base}/camunda/app/tasklist/default/#/?task=${task.id}`);
  await page.waitForSelector('.fjs-form');
  const claim = page.getByText(/^(Claim|领取)$/);
  if (await claim.count()) { await claim.click(); await page.waitForTimeout(500); }
  await fill(page, values);
  await page.getByRole('button', { name: /^(Complete|完成)$/ }).click();
  for (let i = 0; i < 40; i++) {
    const open = await rest(`/task/count?taskId=${task.id}`);
    if (open.count === 0) break;
    if (i === 39) {
      await page.screenshot({ path: `failed-${taskKey}.png`, fullPage: true });
      throw new Error(`${taskKey} was not completed; see failed-${taskKey}.png`);
    }
    await page.waitForTimeout(250);
  }
  await page.context().close();
  console.log(`  ${user.padEnd(10)} completed ${taskKey}`);
}

async function startInTasklist(merchant) {
  const page = await login('sales');
  await page.getByText(/^\s*(Start process|发起流程)\s*$/).first().click();
  await page.getByText('客服外包合同签约').click();
  await page.waitForSelector('.fjs-form');
  await fill(page, {
    商家名称: ['textfield', merchant], 商家邮箱: ['textfield', 'ops@example.com'], 联系人: ['textfield', '王小明'],
    店铺平台: ['select', '天猫'], 客服座席数: ['number', 5], 需求说明: ['textarea', '售前咨询与售后跟进，含节假日'],
    千牛: ['checkbox', true], 经营品类: ['textfield', '女装、配饰'], 预计每日咨询量: ['number', 2000],
    预计每日订单量: ['number', 300], 期望服务时间: ['select', '每日 8:00-24:00'],
  });
  await page.getByRole('button', { name: /^(Start|发起)$/ }).click();
  for (let i = 0; i < 40; i++) {
    const [instance] = await rest(`/process-instance?processDefinitionKey=contract-signing&variables=merchantName_eq_${encodeURIComponent(merchant)}`);
    if (instance) {
      // the contract number stays on screen after the start, and the navbar links to the outbox (scripts/bpo-tasklist.js)
      await page.locator('.page-notifications .alert', { hasText: `合同编号 ${instance.businessKey}` })
        .waitFor({ timeout: 10000 });
      const outbox = page.locator('a.bpo-outbox-link', { hasText: '邮件发件箱' });
      if (!(await outbox.isVisible()) || (await outbox.getAttribute('href')) !== '/staff/outbox') {
        throw new Error('no link to the outbox in the navbar');
      }
      await page.context().close();
      return instance;
    }
    await page.waitForTimeout(250);
  }
  await page.screenshot({ path: 'failed-start.png', fullPage: true });
  throw new Error('process not started; see failed-start.png');
}

/** A proposal outside the standard ranges waits for a manager's approval (DMN proposal-approval). */
async function approveIfNeeded(pi) {
  const [approval] = await rest(`/task?processInstanceId=${pi}&taskDefinitionKey=approve-proposal`);
  if (approval) {
    await completeTask('manager', pi, 'approve-proposal', { 批准发送此方案: ['checkbox', true] });
  }
}

async function walk(signingMethod) {
  const merchant = `演示商家-${signingMethod}-${Date.now()}`;
  const instance = await startInTasklist(merchant);
  const pi = instance.id;
  console.log(`${signingMethod}: started ${instance.businessKey}`);
  const proposal = {
    服务范围: ['textarea', '售前咨询、订单核对、售后跟进、退款协商'], 服务时间: ['select', '每日 8:00-24:00'],
    计费方式: ['select', '按座席计费'], 单价: ['number', '6000'], 定金或履约保证金金额: ['number', '5000'], 合同期限: ['number', 12],
  };
  await completeTask('sales', pi, 'draft-proposal', proposal);
  await approveIfNeeded(pi);
  await completeTask('sales', pi, 'confirm-proposal', { 商家答复: ['radio', '要求修改'], 商家的修改意见或说明: ['textarea', '单价请下调 5%'] });
  await completeTask('sales', pi, 'draft-proposal', { ...proposal, 单价: ['number', '5700'] });
  await approveIfNeeded(pi);
  await completeTask('sales', pi, 'confirm-proposal', { 商家答复: ['radio', '接受方案'] });
  await completeTask('legal', pi, 'draft-contract', {
    签署方式: ['radio', signingMethod === 'PAPER' ? '纸质合同' : '电子合同'], 定金或履约保证金金额: ['number', '5000'],
    合同履行完毕时的处理方式: ['radio', '抵扣尾款'], 争议解决方式: ['radio', '仲裁'], 仲裁委员会或人民法院名称: ['textfield', '杭州仲裁委员会'],
    '甲方名称（与营业执照一致）': ['textfield', '杭州小象电子商务有限公司'], 统一社会信用代码: ['textfield', '91330100716105852F'],
    '住所（营业执照登记地址）': ['textfield', '浙江省杭州市余杭区文一西路 969 号'], 法定代表人或授权代表: ['textfield', '王小明'],
    送达地址: ['textfield', '浙江省杭州市余杭区文一西路 969 号 3 号楼 502 室'], 送达电子邮箱: ['textfield', 'legal@xiaoxiang.example.com'],
    合同签订地: ['textfield', '浙江省杭州市西湖区'],
  });
  await completeTask('legal', pi, 'review-clauses', { 商家修改意见: ['textarea', '纠纷解决方式：请写明仲裁委员会'] });
  await completeTask('legal', pi, 'revise-clauses', { 修改说明: ['textarea', '纠纷解决：杭州仲裁委员会'] });
  await completeTask('legal', pi, 'review-clauses', { 商家同意全部条款: ['checkbox', true] });
  if (signingMethod === 'PAPER') {
    await completeTask('legal', pi, 'seal-contract', { 盖章经办人: ['textfield', '李法务'], 盖章日期: ['datetime', yesterday] });
    await completeTask('legal', pi, 'courier-contract', { 快递公司: ['textfield', '顺丰速运'], 快递单号: ['textfield', 'SF1234567890'] });
    await completeTask('legal', pi, 'receive-countersigned-contract', {
      商家盖章日期: ['datetime', yesterday], 收到回寄合同的日期: ['datetime', iso(today)],
      已核对商家盖章完整有效: ['checkbox', true],
    });
    await completeTask('finance', pi, 'confirm-deposit', { 本次到账金额: ['number', '2000'], 付款流水号: ['textfield', 'BANK-001'] });
    await completeTask('finance', pi, 'confirm-deposit', { 本次到账金额: ['number', '3000'], 付款流水号: ['textfield', 'BANK-002'] });
  } else {
    await report('e-signatures', { contractNumber: instance.businessKey, signerName: '王小明' });
    console.log('  merchant   signed electronically (MerchantSigned)');
    await completeTask('manager', pi, 'countersign-contract', { 我方签署人: ['textfield', '张经理'], 已核对商家签署的合同版本: ['checkbox', true] });
    await report('deposits', { contractNumber: instance.businessKey, depositReceivedAmount: '5000.00',
      paymentReference: 'PAY-E2E' });
    console.log('  payments   deposit received (DepositReceived)');
  }
  await completeTask('onboarding', pi, 'conduct-training', { 参训客服人数: ['number', 5], 培训内容: ['textarea', '产品知识、话术规范、平台规则'] });
  await completeTask('onboarding', pi, 'assess-training', { 考核平均分: ['number', 55] });
  await completeTask('onboarding', pi, 'conduct-training', { 参训客服人数: ['number', 5], 培训内容: ['textarea', '补训：退款话术'] });
  await completeTask('onboarding', pi, 'assess-training', { 考核平均分: ['number', 91], 考核通过: ['checkbox', true] });
  await completeTask('onboarding', pi, 'authorize-subaccounts', { 已授权子账号数: ['number', 5], 子账号已授权并验证可登录: ['checkbox', true] });
  await completeTask('onboarding', pi, 'configure-cs-software', { 客服软件: ['textfield', '千牛工作台'], 客服软件已配置并测试: ['checkbox', true] });
  await completeTask('manager', pi, 'approve-go-live', { 上线日期: ['datetime', iso(today)], 批准正式上线: ['checkbox', true] });
  const [term] = await rest(`/process-instance?superProcessInstance=${pi}`);
  if (!term || term.businessKey !== instance.businessKey) throw new Error(`${signingMethod}: did not reach go-live`);
  console.log(`${signingMethod}: ${instance.businessKey} went live; contract-term ${term.id} runs`);
  return { businessKey: instance.businessKey, term: term.id };
}

// The merchant gives notice today; the notice period's timer is run at once (as if 30 days had passed),
// and finance settles in Tasklist.
async function terminate({ businessKey, term }) {
  await report('termination-notices', { contractNumber: businessKey, noticeParty: 'MERCHANT',
    noticeReceivedDate: iso(today), terminationReason: '店铺业务调整' });
  console.log('  payments   termination notice received (TerminationNoticeReceived)');
  const [job] = await rest(`/job?processInstanceId=${term}&activityId=TimerEvent_ServiceEnds`);
  if (!job) throw new Error('no notice-period timer');
  await rest(`/job/${job.id}/execute`, {});
  await completeTask('finance', term, 'final-settlement', { 未付发票金额: ['number', '0'], 未开票的按量服务费: ['number', '1234.5'] });
  const [data] = await rest(`/task?processInstanceId=${term}&taskDefinitionKey=return-or-delete-data`);
  if (!data) throw new Error('the data task did not follow the settlement');
  console.log(`TERMINATION: ${businessKey} settled; return-or-delete-data is due ${data.due}`);
}

try {
  await walk('PAPER');
  await terminate(await walk('ELECTRONIC'));
  console.log('3 passed, 0 failed');
} catch (e) {
  console.error(e);
  console.log('0 passed, 1 failed');
  process.exitCode = 1;
} finally {
  await browser.close();
}
