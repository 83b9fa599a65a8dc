// Small progressive enhancements only; every page works without script.
document.addEventListener('submit', function (e) {
    var form = e.target;
    var message = form.getAttribute('data-confirm');
    if (message && !window.confirm(message)) { e.preventDefault(); return; }
    // One click, one request: guards double submission of slow forms (not for forms that open
    // another tab, such as share buttons, which the user may press again).
    if (form.getAttribute('data-repeatable') === 'true') return;
    var buttons = form.querySelectorAll('button[type=submit]');
    window.setTimeout(function () { buttons.forEach(function (b) { b.disabled = true; }); }, 0);
}, true);
