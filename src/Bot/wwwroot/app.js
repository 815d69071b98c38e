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

  // Web Chat's Markdown renderer lets a sanitised subset of HTML through (e.g. <img>). Answers are Markdown only, so
  // every "<" is handed over as text: tags in a reply show up as the characters they are and never become elements.
  function renderMarkdownWithoutHtml(markdown, newLineOptions, linkOptions) {
    return window.WebChat.renderMarkdown(String(markdown).replace(/</g, '&lt;'), newLineOptions, linkOptions);
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
        renderMarkdown: renderMarkdownWithoutHtml,
        // The page's <main> holds the chat; Web Chat's default "complementary" landmark would be nested inside it.
        role: 'region',
        sendTypingIndicator: false
      },
      byId('webchat')
    );
  }

  start();
})();
