// "Salin rekap": copies the recap's text to the clipboard and says so. Without script (or clipboard access) the
// button stays hidden and the read-only box can be selected and copied by hand. Safe to load more than once.
(function () {
    if (!navigator.clipboard || !navigator.clipboard.writeText) return;
    document.querySelectorAll('[data-recap-copy]').forEach(function (button) {
        if (button.getAttribute('data-recap-bound')) return;
        button.setAttribute('data-recap-bound', '1');
        var source = document.getElementById(button.getAttribute('data-recap-copy'));
        var status = document.getElementById(button.getAttribute('data-recap-status'));
        if (!source) return;
        button.classList.remove('d-none');
        button.addEventListener('click', function () {
            navigator.clipboard.writeText(source.value).then(function () {
                if (status) status.textContent = button.getAttribute('data-copied');
                window.setTimeout(function () { if (status) status.textContent = ''; }, 3000);
            }, function () {
                source.focus();
                source.select();
            });
        });
    });
})();
