// Adds a "Chat with us" button to any web page; it opens this app's chat page in a panel (an iframe).
// Usage: <script src="https://YOUR-CHAT-HOST/embed.js" defer></script>
// Optional attributes on that script tag: data-label="Questions? Chat with us", data-accent="#1F6F78".
// Builds its DOM with createElement and styles through the CSSOM, so a strict Content-Security-Policy on the
// host page only needs to allow this script and frame-src for the chat host.
(function () {
  'use strict';
  var script = document.currentScript;
  if (!script || window.__clinicChatEmbedded) return;
  window.__clinicChatEmbedded = true;

  var origin = new URL(script.src, location.href).origin;
  var label = script.getAttribute('data-label') || 'Questions? Chat with us';
  var accent = /^#[0-9a-fA-F]{6}$/.test(script.getAttribute('data-accent') || '') ? script.getAttribute('data-accent') : '#1F6F78';

  function style(node, rules) {
    Object.keys(rules).forEach(function (key) { node.style[key] = rules[key]; });
    return node;
  }

  var button = style(document.createElement('button'), {
    position: 'fixed', right: '1rem', bottom: '1rem', zIndex: '2147483000',
    padding: '0.75rem 1.1rem', border: '0', borderRadius: '999px', background: accent, color: '#FFFFFF',
    font: '600 1rem/1.2 system-ui, -apple-system, "Segoe UI", Roboto, Arial, sans-serif',
    boxShadow: '0 6px 20px rgba(0,0,0,0.2)', cursor: 'pointer'
  });
  button.type = 'button';
  button.textContent = label;
  button.setAttribute('aria-expanded', 'false');
  button.setAttribute('aria-controls', 'clinic-chat-panel');

  var panel = style(document.createElement('div'), {
    position: 'fixed', right: '1rem', bottom: '5rem', zIndex: '2147483000',
    width: 'min(26rem, calc(100vw - 2rem))', height: 'min(40rem, calc(100vh - 7rem))',
    display: 'none', flexDirection: 'column', background: '#FFFFFF', borderRadius: '14px',
    boxShadow: '0 12px 40px rgba(0,0,0,0.25)', overflow: 'hidden'
  });
  panel.id = 'clinic-chat-panel';
  panel.setAttribute('role', 'dialog');
  panel.setAttribute('aria-label', 'Chat');

  var close = style(document.createElement('button'), {
    alignSelf: 'flex-end', margin: '0.25rem', padding: '0.375rem 0.75rem', border: '0', background: 'transparent',
    color: '#1E2A32', font: '1rem system-ui, sans-serif', cursor: 'pointer'
  });
  close.type = 'button';
  close.textContent = 'Close';

  var frame;
  function open() {
    if (!frame) {
      // Loaded on first open, so the host page pays nothing until someone wants to chat.
      frame = style(document.createElement('iframe'), { flex: '1', width: '100%', border: '0' });
      frame.src = origin + '/';
      frame.title = 'Chat with the clinic';
      panel.appendChild(frame);
    }
    panel.style.display = 'flex';
    button.setAttribute('aria-expanded', 'true');
    close.focus();
  }
  function hide() {
    panel.style.display = 'none';
    button.setAttribute('aria-expanded', 'false');
    button.focus();
  }

  button.addEventListener('click', function () {
    if (panel.style.display === 'none') open(); else hide();
  });
  close.addEventListener('click', hide);
  panel.addEventListener('keydown', function (event) {
    if (event.key === 'Escape') hide();
  });

  panel.appendChild(close);
  document.body.appendChild(panel);
  document.body.appendChild(button);
})();
