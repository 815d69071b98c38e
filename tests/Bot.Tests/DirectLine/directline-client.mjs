// Drives the real DirectLineJS client (the one inside Web Chat) against the running app, the way the chat page does:
// token from /api/directline/token, Start Conversation, post a message, wait for the bot's reply.
//
//   node directline-client.mjs <baseUrl> <polling|websocket> [message]
//
// Prints one JSON line with what happened; exits 0 when the bot replied to our message, 1 otherwise.
// Node has fetch but no XMLHttpRequest, which DirectLineJS (through RxJS 5 ajax) uses, so a small XHR built on fetch
// is installed; the WebSocket is the `ws` package. Everything above that layer is DirectLineJS's own code.
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);
const [baseUrl, mode, text = 'Hello from DirectLineJS'] = process.argv.slice(2);
const result = { mode, statuses: [], activities: [] };

function finish(ok, error) {
  result.ok = ok;
  if (error) result.error = String(error && error.stack ? error.stack : error);
  process.stdout.write(JSON.stringify(result) + '\n');
  process.exit(ok ? 0 : 1);
}

if (!baseUrl || !['polling', 'websocket'].includes(mode)) {
  finish(false, 'usage: node directline-client.mjs <baseUrl> <polling|websocket> [message]');
}

class FetchXMLHttpRequest {
  constructor() {
    this.readyState = 0;
    this.status = 0;
    this.response = null;
    this.responseText = '';
    this.responseType = '';
    this.timeout = 0;
    this.withCredentials = false;
    this.upload = {};
    this._headers = {};
  }
  open(method, url) {
    this._method = method;
    this._url = url;
    this.readyState = 1;
  }
  setRequestHeader(name, value) {
    this._headers[name] = value;
  }
  getResponseHeader(name) {
    return this._responseHeaders ? this._responseHeaders.get(name) : null;
  }
  getAllResponseHeaders() {
    return this._responseHeaders ? [...this._responseHeaders].map(([k, v]) => `${k}: ${v}`).join('\r\n') : '';
  }
  abort() {
    this._aborted = true;
    if (this._controller) this._controller.abort();
  }
  send(body) {
    this._controller = new AbortController();
    const timer = this.timeout ? setTimeout(() => { this._timedOut = true; this._controller.abort(); }, this.timeout) : null;
    fetch(this._url, { method: this._method, headers: this._headers, body: body == null ? undefined : body, signal: this._controller.signal })
      .then(async response => {
        const textBody = await response.text();
        clearTimeout(timer);
        this.status = response.status;
        this._responseHeaders = response.headers;
        this.responseText = textBody;
        this.response = this.responseType === 'json' ? (textBody ? JSON.parse(textBody) : null) : textBody;
        this.readyState = 4;
        if (this.onreadystatechange) this.onreadystatechange({ target: this });
      })
      .catch(error => {
        clearTimeout(timer);
        if (this._aborted && !this._timedOut) return;
        this.readyState = 4;
        this.status = 0;
        if (this._timedOut && this.ontimeout) this.ontimeout({ target: this });
        else if (this.onerror) this.onerror(error);
      });
  }
}

globalThis.XMLHttpRequest = FetchXMLHttpRequest;
// Browsers always have WebSocket and DirectLineJS reads it even when polling; `webSocket: false` below picks the mode.
globalThis.WebSocket = require('ws');
const { DirectLine, ConnectionStatus } = require('botframework-directlinejs');

const giveUp = setTimeout(() => finish(false, 'no reply from the bot within 30 s'), 30000);

try {
  const tokenResponse = await fetch(new URL('/api/directline/token', baseUrl), { method: 'POST' });
  const session = await tokenResponse.json();
  result.domain = session.domain;

  const directLine = new DirectLine({
    domain: session.domain,
    token: session.token,
    webSocket: mode === 'websocket',
    pollingInterval: 200
  });
  result.usesWebSocket = directLine.webSocket;

  directLine.connectionStatus$.subscribe(status => result.statuses.push(ConnectionStatus[status]));

  let postedId = null;
  const received = [];
  const check = () => {
    const reply = received.find(a => a.type === 'message' && a.from && a.from.role === 'bot' && a.replyToId === postedId);
    if (postedId && reply) {
      result.postedId = postedId;
      result.reply = { id: reply.id, text: reply.text, replyToId: reply.replyToId };
      result.echoSeen = received.some(a => a.id === postedId && a.from.role === 'user');
      result.conversationId = directLine.conversationId;
      clearTimeout(giveUp);
      directLine.end();
      finish(true);
    }
  };

  directLine.activity$.subscribe({
    next: activity => {
      received.push(activity);
      result.activities.push({ id: activity.id, type: activity.type, role: activity.from && activity.from.role });
      check();
    },
    error: error => finish(false, error)
  });

  directLine
    .postActivity({ type: 'message', from: { id: 'node-user', name: 'Node' }, text, channelData: { clientActivityID: 'node-1' } })
    .subscribe({
      next: id => {
        postedId = id;
        check();
      },
      error: error => finish(false, error)
    });
} catch (error) {
  finish(false, error);
}
