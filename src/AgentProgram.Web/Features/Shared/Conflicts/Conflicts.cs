using System.Reflection;
using System.Security.Cryptography;
using System.Text.Json;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.Mvc.ModelBinding.Validation;

namespace AgentProgram.Web.Features.Shared.Conflicts;

/// <summary>
/// An edit form guarded by a version. Besides the version (on each form), it carries a sealed copy of the
/// values the officer started from, so that a save that lost the race can show what changed since.
/// </summary>
public abstract class ConflictGuardedForm
{
    /// <summary>The field values as the page first showed them, sealed by <see cref="ConflictService"/>.</summary>
    public string? Snapshot { get; set; }

    /// <summary>Set only when a save lost to another officer's save: what to show above the form.</summary>
    [BindNever]
    [ValidateNever]
    public ConflictReport? Conflict { get; set; }
}

/// <summary>One field of a form as a person reads it. Copy moves the field's value between two forms when it is not a plain property.</summary>
public sealed record ConflictField(string Name, string Label, string? Value, Action<object, object>? Copy = null);

/// <param name="Started">The value when the officer opened the page (null when the page did not carry it).</param>
/// <param name="Stored">The value the other officer saved.</param>
/// <param name="Yours">What this officer entered.</param>
public sealed record FieldDiff(string Name, string Label, string? Started, string? Stored, string? Yours, bool StartKnown)
{
    public bool ChangedByOther => StartKnown && Started != Stored;
    public bool ChangedByYou => StartKnown && Started != Yours;
    /// <summary>Both changed the field, to different values: the officer's entry is kept, and they decide.</summary>
    public bool Clash => ChangedByOther && ChangedByYou && Stored != Yours;
}

/// <param name="Note">An extra line for this form (e.g. a file to choose again).</param>
public sealed record ConflictReport(IReadOnlyList<FieldDiff> Fields, bool StartKnown, string? Note = null);

/// <summary>
/// Builds the "what changed" report when a save loses to another officer's save, and prepares the form
/// to be saved again on top of the stored version: fields only the other officer changed take the stored
/// value, fields the officer changed keep what they typed. Nothing is saved here.
/// </summary>
public sealed class ConflictService(IDataProtectionProvider protection)
{
    private readonly IDataProtector _protector = protection.CreateProtector("AgentProgram.Conflicts.Snapshot.v1");

    public string Seal(IEnumerable<ConflictField> fields) =>
        _protector.Protect(JsonSerializer.Serialize(fields.ToDictionary(f => f.Name, f => f.Value, StringComparer.Ordinal)));

    /// <summary>The sealed values, or null when there are none or they were not sealed here (tampered, or from another key ring).</summary>
    public IReadOnlyDictionary<string, string?>? Open(string? sealedValues)
    {
        if (string.IsNullOrEmpty(sealedValues)) return null;
        try
        {
            return JsonSerializer.Deserialize<Dictionary<string, string?>>(_protector.Unprotect(sealedValues));
        }
        catch (CryptographicException)
        {
            return null;
        }
        catch (JsonException)
        {
            return null;
        }
    }

    /// <summary>
    /// For a record without a version column: true (the save must not go ahead) when the values the officer started
    /// from differ from the stored ones, or are unknown (missing or tampered: nobody can tell what changed). False
    /// only when they are known and agree.
    /// </summary>
    public bool ChangedSince(string? sealedStart, IEnumerable<ConflictField> stored)
    {
        var started = Open(sealedStart);
        return started is null || stored.Any(f => !started.TryGetValue(f.Name, out var value) || value != f.Value);
    }

    /// <summary>Seals the form's own values as the values the officer starts from (the page as first shown).</summary>
    public void Start<TForm>(TForm form, IEnumerable<ConflictField> fields) where TForm : ConflictGuardedForm
    {
        ArgumentNullException.ThrowIfNull(form);
        form.Snapshot = Seal(fields);
    }

    /// <summary>
    /// Compares what the officer started from, what is stored now and what they entered; merges the other
    /// officer's changes into <paramref name="yours"/> where the officer left a field as it was; seals the
    /// stored values as the new starting point and attaches the report. The caller sets the form's version
    /// to the stored one.
    /// </summary>
    public ConflictReport Resolve<TForm>(TForm yours, TForm stored, Func<TForm, IReadOnlyList<ConflictField>> describe, string? note = null)
        where TForm : ConflictGuardedForm
    {
        ArgumentNullException.ThrowIfNull(yours);
        ArgumentNullException.ThrowIfNull(stored);
        ArgumentNullException.ThrowIfNull(describe);
        var started = Open(yours.Snapshot);
        var typed = describe(yours).ToDictionary(f => f.Name, StringComparer.Ordinal);
        var storedFields = describe(stored);
        var diffs = new List<FieldDiff>();
        foreach (var s in storedFields)
        {
            var y = typed.GetValueOrDefault(s.Name)?.Value;
            string? from = null;
            var known = started is not null && started.TryGetValue(s.Name, out from);
            var diff = new FieldDiff(s.Name, s.Label, from, s.Value, y, known);
            if (known)
            {
                if (!diff.ChangedByOther && !diff.ChangedByYou) continue;
                if (diff.ChangedByOther && !diff.ChangedByYou) Adopt(s, stored, yours);
            }
            else if (s.Value == y)
            {
                continue;
            }
            diffs.Add(diff);
        }
        yours.Snapshot = Seal(storedFields);
        var report = new ConflictReport(diffs, started is not null, note);
        yours.Conflict = report;
        return report;
    }

    private static void Adopt(ConflictField field, object from, object into)
    {
        if (field.Copy is { } copy)
        {
            copy(from, into);
            return;
        }
        // The name is a form path as the form posts it: "Name", "Incentive.Budget", "PlatformWeights[2].Weight".
        var steps = field.Name.Split('.');
        object? source = from, target = into;
        for (var i = 0; i < steps.Length - 1 && source is not null && target is not null; i++)
        {
            source = Step(source, steps[i]);
            target = Step(target, steps[i]);
        }
        if (source is null || target is null) return;
        var property = source.GetType().GetProperty(steps[^1], BindingFlags.Public | BindingFlags.Instance);
        if (property is { CanRead: true, CanWrite: true } && property.DeclaringType!.IsInstanceOfType(target)) property.SetValue(target, property.GetValue(source));
    }

    /// <summary>One step of a form path: a property, or an item of a list property ("Tiers[3]").</summary>
    private static object? Step(object owner, string step)
    {
        var bracket = step.IndexOf('[', StringComparison.Ordinal);
        var name = bracket < 0 ? step : step[..bracket];
        var value = owner.GetType().GetProperty(name, BindingFlags.Public | BindingFlags.Instance)?.GetValue(owner);
        if (bracket < 0) return value;
        var index = int.Parse(step[(bracket + 1)..^1], System.Globalization.CultureInfo.InvariantCulture);
        return value is System.Collections.IList list && index < list.Count ? list[index] : null;
    }
}
