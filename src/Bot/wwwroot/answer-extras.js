// Sources, disclaimers and feedback under the bot's answers, from the answer's channelData.clinic:
//   { answerId, answered, citations: [{ source, title, section, quote }], disclaimers: [..], escalation }
// Everything goes into the DOM through textContent and attributes, never as HTML.
(function () {
  'use strict';

  var MAX_CITATIONS = 10;
  var MAX_DISCLAIMERS = 5;
  var THUMB_PATH =
    'M1 21h4V9H1v12zm22-11c0-1.1-.9-2-2-2h-6.31l.95-4.57.03-.32c0-.41-.17-.79-.44-1.06L14.17 1 7.59 7.59' +
    'C7.22 7.95 7 8.45 7 9v10c0 1.1.9 2 2 2h9c.83 0 1.54-.5 1.84-1.22l3.02-7.05c.09-.23.14-.47.14-.73v-2z';

  // Ratings already given, by answer id, so a re-rendered answer keeps showing the thanks.
  var ratings = Object.create(null);

  function clinicData(activity) {
    var data = activity && activity.channelData && activity.channelData.clinic;
    var fromBot = activity && activity.from && activity.from.role === 'bot';
    return fromBot && activity.type === 'message' && data && typeof data === 'object' && typeof data.answerId === 'string'
      ? data
      : null;
  }

  function text(value, max) {
    return typeof value === 'string' ? value.trim().slice(0, max) : '';
  }

  function el(tag, className, testId) {
    var node = document.createElement(tag);
    if (className) node.className = className;
    if (testId) node.setAttribute('data-testid', testId);
    return node;
  }

  function renderCitations(citations) {
    var usable = (Array.isArray(citations) ? citations : []).filter(function (c) {
      return c && typeof c === 'object' && (text(c.title, 200) || text(c.source, 200));
    }).slice(0, MAX_CITATIONS);
    if (!usable.length) return null;

    var section = el('section', 'clinic-sources', 'answer-sources');
    var label = el('p', 'clinic-sources__label');
    label.textContent = usable.length === 1 ? 'Source' : 'Sources';
    label.id = 'clinic-sources-' + Math.random().toString(36).slice(2);
    section.setAttribute('aria-labelledby', label.id);
    section.appendChild(label);

    var list = el('ol', 'clinic-sources__list');
    usable.forEach(function (citation) {
      var item = el('li', 'clinic-source', 'answer-citation');
      var source = text(citation.source, 500);
      if (source) item.setAttribute('data-source', source);

      var heading = el('span', 'clinic-source__heading');
      var title = el('span', 'clinic-source__title', 'citation-title');
      title.textContent = text(citation.title, 200) || source;
      heading.appendChild(title);
      var sectionName = text(citation.section, 200);
      if (sectionName) {
        var sectionLabel = el('span', 'clinic-source__section', 'citation-section');
        sectionLabel.textContent = sectionName;
        heading.appendChild(sectionLabel);
      }

      var quote = text(citation.quote, 2000);
      if (quote) {
        var details = el('details', 'clinic-source__details');
        var summary = el('summary', 'clinic-source__summary');
        summary.appendChild(heading);
        var hint = el('span', 'clinic-source__hint');
        hint.textContent = 'Show passage';
        summary.appendChild(hint);
        details.appendChild(summary);
        details.addEventListener('toggle', function () {
          hint.textContent = details.open ? 'Hide passage' : 'Show passage';
        });
        var blockquote = el('blockquote', 'clinic-source__quote', 'citation-quote');
        blockquote.textContent = quote;
        details.appendChild(blockquote);
        item.appendChild(details);
      } else {
        item.appendChild(heading);
      }
      list.appendChild(item);
    });
    section.appendChild(list);
    return section;
  }

  function renderDisclaimers(disclaimers) {
    var usable = (Array.isArray(disclaimers) ? disclaimers : []).map(function (d) {
      return text(d, 500);
    }).filter(Boolean).slice(0, MAX_DISCLAIMERS);
    if (!usable.length) return null;
    var list = el('ul', 'clinic-disclaimers', 'answer-disclaimers');
    usable.forEach(function (disclaimer) {
      var item = el('li', 'clinic-disclaimer', 'answer-disclaimer');
      item.textContent = disclaimer;
      list.appendChild(item);
    });
    return list;
  }

  function thumbIcon(down) {
    var ns = 'http://www.w3.org/2000/svg';
    var svg = document.createElementNS(ns, 'svg');
    svg.setAttribute('viewBox', '0 0 24 24');
    svg.setAttribute('aria-hidden', 'true');
    svg.setAttribute('focusable', 'false');
    svg.setAttribute('class', down ? 'clinic-feedback__icon is-down' : 'clinic-feedback__icon');
    var path = document.createElementNS(ns, 'path');
    path.setAttribute('d', THUMB_PATH);
    svg.appendChild(path);
    return svg;
  }

  function showThanks(group, focus) {
    group.textContent = '';
    var thanks = el('p', 'clinic-feedback__thanks', 'feedback-thanks');
    thanks.setAttribute('role', 'status');
    thanks.tabIndex = -1;
    thanks.textContent = 'Thanks for your feedback';
    group.appendChild(thanks);
    // The button that had focus is gone; keep keyboard users where they were.
    if (focus) thanks.focus();
  }

  function renderFeedback(answerId, store) {
    var group = el('div', 'clinic-feedback', 'answer-feedback');
    group.setAttribute('role', 'group');
    if (ratings[answerId]) {
      showThanks(group, false);
      return group;
    }
    var prompt = el('span', 'clinic-feedback__prompt');
    prompt.id = 'clinic-feedback-' + Math.random().toString(36).slice(2);
    prompt.textContent = 'Was this helpful?';
    group.setAttribute('aria-labelledby', prompt.id);
    group.appendChild(prompt);

    [['up', 'Yes', 'Yes, this answer was helpful'], ['down', 'No', 'No, this answer was not helpful']].forEach(function (choice) {
      var button = el('button', 'clinic-feedback__button', 'feedback-' + choice[0]);
      button.type = 'button';
      button.setAttribute('data-rating', choice[0]);
      button.setAttribute('aria-label', choice[2]);
      button.appendChild(thumbIcon(choice[0] === 'down'));
      var label = el('span');
      label.textContent = choice[1];
      button.appendChild(label);
      button.addEventListener('click', function () {
        ratings[answerId] = choice[0];
        store.dispatch({
          type: 'WEB_CHAT/SEND_EVENT',
          payload: { name: 'feedback', value: { answerId: answerId, rating: choice[0] } }
        });
        showThanks(group, true);
      });
      group.appendChild(button);
    });
    return group;
  }

  function decorate(container, data, store) {
    // React calls the ref again on every render; build once per answer.
    if (container.getAttribute('data-answer-id') === data.answerId) return;
    container.setAttribute('data-answer-id', data.answerId);
    container.textContent = '';
    container.classList.toggle('is-escalation', Boolean(data.escalation));
    container.classList.toggle('is-unanswered', data.answered === false);

    var citations = renderCitations(data.citations);
    if (citations) container.appendChild(citations);
    var disclaimers = renderDisclaimers(data.disclaimers);
    if (disclaimers) container.appendChild(disclaimers);
    // Asking someone in crisis to rate the reply would be tone-deaf.
    if (!data.escalation) container.appendChild(renderFeedback(data.answerId, store));
  }

  // Web Chat ships its own React inside webchat.js and does not expose it. Its activity middleware must return React
  // elements, which are plain objects tagged with $$typeof; we take the tag from the element Web Chat rendered for the
  // activity, so we always match its React. Our only element is an empty <div> whose contents we own (React leaves the
  // children of an element it was given no children for alone), filled through a ref callback.
  function createActivityMiddleware(store) {
    var warned = false;
    return function () {
      return function (next) {
        return function (options) {
          var render = next(options);
          var data = clinicData(options && options.activity);
          if (!render || !data) return render;
          return function (renderAttachment, props) {
            var inner = render(renderAttachment, props);
            var tag = inner && inner.$$typeof;
            if (typeof tag !== 'symbol' || typeof Symbol.for !== 'function' || tag !== Symbol.for('react.element')) {
              if (!warned && window.console) console.warn('Clinic chat: unexpected Web Chat element; answer extras are off.');
              warned = true;
              return inner;
            }
            var extras = {
              $$typeof: tag,
              type: 'div',
              key: 'clinic-extras',
              ref: function (node) {
                if (node) decorate(node, data, store);
              },
              props: { className: 'clinic-answer-extras', 'data-testid': 'answer-extras' },
              _owner: null
            };
            return {
              $$typeof: tag,
              type: 'div',
              key: null,
              ref: null,
              props: { className: 'clinic-answer', children: [inner, extras] },
              _owner: null
            };
          };
        };
      };
    };
  }

  window.ClinicAnswerExtras = { createActivityMiddleware: createActivityMiddleware };
})();
