// BPO Contract Flow's additions to Tasklist, loaded through customScripts in config.js as an ES module from
// the application's own origin (no inline script: Camunda's Content-Security-Policy stays as it is).
//  1. A navbar entry 邮件发件箱 leading to the staff outbox (/staff/outbox, OutboxPageController).
//  2. After a process was started, the contract number the application assigned at the start (the business
//     key set by ContractRegistration, or the contract a process was started for, ContractBinding) stays on
//     screen, because Tasklist itself says only 流程已发起。 The number comes from the start's own answer
//     (POST .../process-definition/<id>/submit-form returns the process instance with its businessKey), so
//     no further request is made and a team without read access to process instances sees it too.

const base = document.querySelector('base');
// the web apps' root (/camunda); the application's own pages are beside it
const appRoot = (base && base.getAttribute('app-root')) || '/camunda';
const applicationRoot = appRoot.replace(/\/[^/]*$/, '');

const OUTBOX_PATH = '/staff/outbox';

const outboxLink = {
  id: 'bpo.outbox',
  pluginPoint: 'tasklist.navbar.action',
  priority: 100,
  render(node) {
    const link = document.createElement('a');
    link.href = applicationRoot + OUTBOX_PATH;
    link.className = 'bpo-outbox-link';
    link.title = '发给商家的每封邮件：状态、内容与链接，失败的可重新发送';
    const icon = document.createElement('span');
    icon.className = 'glyphicon glyphicon-envelope';
    link.append(icon, ' 邮件发件箱');
    node.appendChild(link);
  },
};

// a process started from Tasklist: POST <engine api>/process-definition/<id or key/…>/submit-form (or /start)
const START = /\/process-definition\/(?:key\/)?([^/?]+)(?:\/tenant-id\/[^/?]+)?\/(?:submit-form|start)(?:\?|$)/;

const open = XMLHttpRequest.prototype.open;
XMLHttpRequest.prototype.open = function bpoOpen(method, url, ...rest) {
  const started = String(method).toUpperCase() === 'POST' && START.exec(String(url));
  if (started) {
    const definition = decodeURIComponent(started[1]);
    this.addEventListener('load', () => answered(this, definition));
  }
  return open.call(this, method, url, ...rest);
};

function answered(xhr, definition) {
  if (xhr.status !== 200) {
    return;
  }
  let instance;
  try {
    instance = xhr.responseType === 'json' ? xhr.response : JSON.parse(xhr.responseText);
  } catch (e) {
    return;
  }
  const number = instance && instance.businessKey;
  if (typeof number === 'string' && number) {
    // the definition's id is <key>:<version>:<uuid>
    const signing = definition === 'contract-signing' || definition.startsWith('contract-signing:');
    afterStartDialog(() => notify(signing ? '新合同已登记' : '流程已发起', '合同编号 ' + number));
  }
}

// Tasklist's start dialog has its own notification area, gone with the dialog: the message waits for it to close
function afterStartDialog(then) {
  if (!document.querySelector('.modal')) {
    then();
    return;
  }
  let done = false;
  const finish = () => {
    if (!done) {
      done = true;
      observer.disconnect();
      then();
    }
  };
  const observer = new MutationObserver(() => {
    if (!document.querySelector('.modal')) {
      finish();
    }
  });
  observer.observe(document.body, { childList: true, subtree: true });
  setTimeout(finish, 30000);
}

// Tasklist's own notification (escaped, with a close button), kept until closed; a plain alert box otherwise
function notify(status, message) {
  const angular = window.angular;
  const injector = angular && angular.element(document.body).injector();
  if (injector && injector.has('Notifications')) {
    injector.get('$rootScope').$applyAsync(() => {
      injector.get('Notifications').addMessage({ type: 'success', status, message });
    });
    return;
  }
  const box = document.createElement('div');
  box.className = 'alert alert-success bpo-started';
  box.setAttribute('role', 'status');
  box.textContent = status + '：' + message;
  document.body.appendChild(box);
}

export default [outboxLink];
