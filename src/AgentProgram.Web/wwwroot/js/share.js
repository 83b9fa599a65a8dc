// Assignment page enhancements; without script the share buttons (plain forms) still work.
(function () {
    // Copy buttons: data-copy-from names the element whose text (or input value) is copied.
    if (navigator.clipboard) {
        document.querySelectorAll('[data-copy-from]').forEach(function (b) {
            b.classList.remove('d-none');
            b.addEventListener('click', function () {
                var source = document.getElementById(b.getAttribute('data-copy-from'));
                if (!source) return;
                var text = source.value !== undefined ? source.value : source.textContent;
                navigator.clipboard.writeText(text.trim()).then(function () {
                    var label = b.textContent;
                    b.textContent = b.getAttribute('data-copied') || label;
                    window.setTimeout(function () { b.textContent = label; }, 2000);
                });
            });
        });
    }
    // Paste buttons: data-paste-into names the input that receives the clipboard's text (where the browser allows reading it).
    if (navigator.clipboard && navigator.clipboard.readText) {
        document.querySelectorAll('[data-paste-into]').forEach(function (b) {
            b.classList.remove('d-none');
            b.addEventListener('click', function () {
                var target = document.getElementById(b.getAttribute('data-paste-into'));
                navigator.clipboard.readText().then(function (text) { if (target) { target.value = text.trim(); target.focus(); } })
                    .catch(function () { if (target) target.focus(); });
            });
        });
    }
    // Web Share API (phones): the system share sheet, then tell the server this platform was shared.
    if (!navigator.share) return;
    var token = document.querySelector('input[name="__af"]');
    document.querySelectorAll('[data-share-native]').forEach(function (b) {
        b.classList.remove('d-none');
        b.addEventListener('click', function () {
            navigator.share({
                title: b.getAttribute('data-share-title'),
                text: b.getAttribute('data-share-text'),
                url: b.getAttribute('data-share-url')
            }).then(function () {
                if (!token) return;
                var body = new URLSearchParams();
                body.append('platform', b.getAttribute('data-share-platform'));
                body.append('__af', token.value);
                return fetch(b.getAttribute('data-share-post'), { method: 'POST', body: body, credentials: 'same-origin' });
            }).catch(function () { /* cancelled by the user */ });
        });
    });
})();
