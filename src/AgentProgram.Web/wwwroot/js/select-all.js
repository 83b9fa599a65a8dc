// "Select all on this page": a checkbox with data-select-all="Name" ticks every enabled checkbox named Name.
document.addEventListener('change', function (e) {
    var box = e.target;
    if (!box.matches || !box.matches('input[type=checkbox][data-select-all]')) return;
    var name = box.getAttribute('data-select-all');
    document.querySelectorAll('input[type=checkbox][name="' + name + '"]').forEach(function (c) {
        if (!c.disabled) c.checked = box.checked;
    });
});
