// The clinic's chat page: settings from /api/chat/config, a token from the Direct Line token endpoint, and Web Chat.
// Everything this file puts in the DOM goes through textContent or attributes, never HTML, so nothing a bot or a
// visitor writes can become markup. The bot's Markdown is rendered by Web Chat, with any HTML in it shown as text.
// answer-extras.js (loaded first) draws sources, disclaimers and feedback under answers.
(function () {
  'use strict';

  // Web Chat drops messages dispatched before Direct Line is connected, so a suggestion tapped while the page is
  // still connecting waits here and goes out once the connection is up.
  var connected = false;
  var waitingForConnection = [];

  function whenConnected(send) {
    if (connected) send();
    else waitingForConnection.push(send);
  }

  function markConnected() {
    connected = true;
    waitingForConnection.splice(0).forEach(function (send) {
      send();
    });
  }

  function byId(id) {
    return document.getElementById(id);
  }

  function setStatus(text) {
    byId('page-status').textContent = text;
  }

  function showUnavailable(text) {
    var status = byId('page-status');
    status.textContent = text;
    status.classList.add('is-error');
  }

  async function requestJson(url, method) {
    var response = await fetch(url, {
      method: method,
      headers: { Accept: 'application/json' },
      credentials: 'same-origin',
      cache: 'no-store'
    });
    if (!response.ok) {
      throw new Error(method + ' ' + url + ' answered ' + response.status);
    }
    return response.json();
  }

  function applyConfig(config) {
    document.documentElement.style.setProperty('--accent', config.accentColor);
    document.documentElement.lang = config.locale || 'en';
    document.title = 'Chat with ' + config.clinicName;
    byId('clinic-name').textContent = config.clinicName;
    byId('brand-mark').textContent = (config.clinicName || '?').trim().charAt(0).toUpperCase();
    byId('welcome-message').textContent = config.welcomeMessage;

    var notice = byId('crisis-notice');
    if (config.crisisNotice) {
      notice.textContent = config.crisisNotice;
      notice.hidden = false;
    }
  }

  function renderSuggestions(questions, store) {
    var list = byId('suggested-questions');
    list.textContent = '';
    (questions || []).forEach(function (question) {
      var item = document.createElement('li');
      var button = document.createElement('button');
      button.type = 'button';
      button.className = 'suggestion';
      button.setAttribute('data-testid', 'suggested-question');
      button.textContent = question;
      button.addEventListener('click', function () {
        whenConnected(function () {
          store.dispatch({ type: 'WEB_CHAT/SEND_MESSAGE', payload: { text: question, method: 'keyboard' } });
        });
      });
      item.appendChild(button);
      list.appendChild(item);
    });
    if (!list.children.length) {
      list.parentElement.hidden = true;
    }
  }

  // Redux middleware for Web Chat's store: keeps over-long messages from leaving the page (the server would refuse
  // them anyway) and tucks the welcome away once the visitor has asked something.
  function createStoreMiddleware(config) {
    return function (store) {
      return function (next) {
        return function (action) {
          if (action.type === 'WEB_CHAT/SUBMIT_SEND_BOX') {
            var text = store.getState().sendBoxValue || '';
            if (text.length > config.maxMessageLength) {
              store.dispatch({
                type: 'WEB_CHAT/SET_NOTIFICATION',
                payload: {
                  id: 'clinic-message-too-long',
                  level: 'error',
                  message:
                    'Your message is ' + text.length.toLocaleString() + ' characters long. Please keep it under ' +
                    config.maxMessageLength.toLocaleString() + ' characters.'
                }
              });
              return undefined;
            }
            store.dispatch({ type: 'WEB_CHAT/DISMISS_NOTIFICATION', payload: { id: 'clinic-message-too-long' } });
          }
          if (action.type === 'WEB_CHAT/SUBMIT_SEND_BOX' || action.type === 'WEB_CHAT/SEND_MESSAGE') {
            document.body.classList.add('has-conversation');
          }
          var result = next(action);
          if (action.type === 'DIRECT_LINE/CONNECT_FULFILLED') {
            // After the store has taken the action, so queued messages see a connected Web Chat.
            setTimeout(markConnected, 0);
          }
          return result;
        };
      };
    };
  }

  // Answers are extractive text, so their Markdown needs paragraphs, emphasis, lists, code and web, mail or phone
  // links, nothing more. Everything else Web Chat's renderer would make (images, buttons, tables, headings) becomes its
  // text, so no document or message can put a remote image, a fake button or anything active into the chat.
  var ALLOWED_TAGS = ['A', 'B', 'BLOCKQUOTE', 'BR', 'CODE', 'DEL', 'DIV', 'EM', 'HR', 'I', 'LI', 'OL', 'P', 'PRE', 'S', 'SPAN', 'STRONG', 'UL'];
  var SAFE_HREF = /^(https?:|mailto:|tel:)/i;
  var LINK_ICON_CLASS = 'webchat__render-markdown__external-link-icon';

  function allowedAttribute(element, name, value) {
    if (name === 'class' || name === 'aria-label') return true;
    if (element.tagName !== 'A') return isLinkIcon(element) && (name === 'src' || name === 'alt' || name === 'title');
    return name === 'rel' || name === 'target' || (name === 'href' && SAFE_HREF.test(value.trim()));
  }

  // Web Chat's own "opens in a new window" icon after a link: an image with its class and an inline data source.
  function isLinkIcon(element) {
    return element.tagName === 'IMG' && element.classList.contains(LINK_ICON_CLASS) && /^data:image\//.test(element.getAttribute('src') || '');
  }

  function keepAllowed(parent) {
    Array.prototype.slice.call(parent.childNodes).forEach(function (node) {
      if (node.nodeType === Node.TEXT_NODE) return;
      if (node.nodeType !== Node.ELEMENT_NODE) {
        node.remove();
        return;
      }
      if (!isLinkIcon(node) && ALLOWED_TAGS.indexOf(node.tagName) < 0) {
        var shown = node.tagName === 'IMG' ? node.getAttribute('alt') || '' : node.textContent;
        parent.replaceChild(parent.ownerDocument.createTextNode(shown), node);
        return;
      }
      Array.prototype.slice.call(node.attributes).forEach(function (attribute) {
        if (!allowedAttribute(node, attribute.name.toLowerCase(), attribute.value)) node.removeAttribute(attribute.name);
      });
      keepAllowed(node);
    });
  }

  // Every "<" is handed to Web Chat as text, so tags in a reply show up as the characters they are; its HTML output is
  // then cut down to the allow-list in an inert document (DOMParser runs no script and loads no image).
  function renderAllowListedMarkdown(markdown, newLineOptions, linkOptions) {
    var html = window.WebChat.renderMarkdown(String(markdown).replace(/</g, '&lt;'), newLineOptions, linkOptions);
    var body = new DOMParser().parseFromString('<!doctype html><body>' + html, 'text/html').body;
    keepAllowed(body);
    return body.innerHTML;
  }

  function styleOptions(config) {
    var accent = config.accentColor;
    return {
      accent: accent,
      backgroundColor: '#F6F8F9',
      primaryFont: 'system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif',
      rootHeight: '100%',
      rootWidth: '100%',
      bubbleBackground: '#FFFFFF',
      bubbleBorderColor: '#D5DEE2',
      bubbleBorderRadius: 14,
      bubbleBorderWidth: 1,
      bubbleTextColor: '#1E2A32',
      bubbleFromUserBackground: accent,
      bubbleFromUserBorderColor: accent,
      bubbleFromUserBorderRadius: 14,
      bubbleFromUserTextColor: '#FFFFFF',
      bubbleMaxWidth: 560,
      bubbleMinHeight: 36,
      paddingRegular: 12,
      subtle: '#5A6268',
      timestampColor: '#5A6268',
      hideUploadButton: true,
      sendBoxTextWrap: true,
      sendBoxMaxHeight: 160,
      sendBoxButtonColor: accent,
      sendBoxBorderTop: '1px solid #D5DEE2',
      suggestedActionLayout: 'flow',
      suggestedActionBorderColor: accent,
      suggestedActionTextColor: accent
    };
  }

  async function start() {
    var config;
    try {
      config = await requestJson('/api/chat/config', 'GET');
    } catch (e) {
      showUnavailable('The chat could not be loaded. Please refresh the page, or contact the clinic directly.');
      return;
    }
    applyConfig(config);

    if (!window.WebChat || !window.ClinicAnswerExtras) {
      showUnavailable('The chat could not be loaded. Please refresh the page, or contact the clinic directly.');
      return;
    }

    var store = window.WebChat.createStore({}, createStoreMiddleware(config));
    renderSuggestions(config.suggestedQuestions, store);

    setStatus('Connecting…');
    var session;
    try {
      session = await requestJson(config.tokenUrl, 'POST');
    } catch (e) {
      showUnavailable('The chat is unavailable right now. Please try again in a few minutes, or contact the clinic directly.');
      return;
    }
    setStatus('');

    window.WebChat.renderWebChat(
      {
        directLine: window.WebChat.createDirectLine({ domain: session.domain, token: session.token }),
        store: store,
        locale: config.locale,
        styleOptions: styleOptions(config),
        activityMiddleware: window.ClinicAnswerExtras.createActivityMiddleware(store),
        renderMarkdown: renderAllowListedMarkdown,
        // The page's <main> holds the chat; Web Chat's default "complementary" landmark would be nested inside it.
        role: 'region',
        sendTypingIndicator: false
      },
      byId('webchat')
    );
  }

  start();
})();
