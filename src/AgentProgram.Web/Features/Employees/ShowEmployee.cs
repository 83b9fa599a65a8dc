using System.Text.Json;
using AgentProgram.Web.Data;
using AgentProgram.Web.Domain.Agents;
using AgentProgram.Web.Domain.Employees;
using AgentProgram.Web.Features.Units;
using AgentProgram.Web.Infrastructure.Time;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace AgentProgram.Web.Features.Employees;

/// <summary>A warning stored by the import: a localizer key with its arguments, or a plain text.</summary>
public sealed record StoredWarning(string Text, object[] Args)
{
    /// <summary>Translated and formatted; a stored text whose placeholders do not match its arguments is shown as stored.</summary>
    public string Render(IStringLocalizer l)
    {
        ArgumentNullException.ThrowIfNull(l);
        if (Args.Length == 0) return l[Text];
        try
        {
            return l[Text, Args];
        }
        catch (FormatException)
        {
            return Text;
        }
    }
}

/// <param name="UnitPath">"Dinas Kesehatan › Bidang P2P › Seksi Surveilans", or null without a unit.</param>
/// <param name="NipIssues">What the NIP rules say about the NIP against the recorded birth date, sex and type.</param>
/// <param name="EligibilityProblem">Why the person cannot be enrolled now (a localizer key), or null.</param>
public sealed record EmployeeDetailPage(
    Employee Employee, string? UnitPath, bool UnitClosed, IReadOnlyList<ImportIssue> NipIssues, IReadOnlyList<StoredWarning> ImportWarnings,
    int? AgentId, AgentStatus? AgentStatus, string? EligibilityProblem, DateOnly Today);

/// <summary>Everything HR knows about one employee, in readable Indonesian, and whether they can become an agent.</summary>
public sealed class ShowEmployeeHandler(AppDbContext db, TimeProvider clock, Display display)
{
    public async Task<EmployeeDetailPage?> LoadAsync(int id, CancellationToken ct = default)
    {
        var e = await db.Employees.AsNoTracking().SingleOrDefaultAsync(x => x.Id == id, ct);
        if (e is null) return null;
        var agent = await db.Agents.AsNoTracking().Where(a => a.EmployeeId == id).Select(a => new { a.Id, a.Status }).FirstOrDefaultAsync(ct);
        string? path = null;
        var closed = false;
        if (e.UnitId is { } unitId)
        {
            var tree = await UnitTree.LoadAsync(db, ct);
            path = tree.PathText(unitId);
            closed = tree.Find(unitId)?.IsClosed ?? false;
        }
        var today = Today(clock, display);
        return new EmployeeDetailPage(e, path, closed, NipIssuesOf(e.Nip, e.EmploymentType, e.BirthDate, e.Sex, today), ParseWarnings(e.ImportWarnings),
            agent?.Id, agent?.Status, e.EligibilityProblem(today), today);
    }

    public static DateOnly Today(TimeProvider clock, Display display) => DateOnly.FromDateTime(display.ToLocal(clock.GetUtcNow().UtcDateTime));

    /// <summary>The NIP rules applied to the recorded data (the NIP itself is never changed here).</summary>
    public static IReadOnlyList<ImportIssue> NipIssuesOf(string nip, EmploymentType? type, DateOnly? birthDate, Sex? sex, DateOnly today) =>
        NipCheck.Check(nip, new NipContext(type, birthDate, sex), today).Issues;

    /// <summary>
    /// Employee.ImportWarnings is a JSON list written by the import: objects with a message (and,
    /// when present, the format and args to translate it), or plain strings. Anything unreadable is
    /// shown as it is rather than hidden.
    /// </summary>
    public static IReadOnlyList<StoredWarning> ParseWarnings(string? json)
    {
        if (string.IsNullOrWhiteSpace(json)) return [];
        try
        {
            using var doc = JsonDocument.Parse(json);
            if (doc.RootElement.ValueKind != JsonValueKind.Array) return [new StoredWarning(json, [])];
            var list = new List<StoredWarning>();
            foreach (var item in doc.RootElement.EnumerateArray())
            {
                if (item.ValueKind == JsonValueKind.String) list.Add(new StoredWarning(item.GetString() ?? "", []));
                if (item.ValueKind != JsonValueKind.Object) continue;
                var format = Text(item, "format");
                var args = Property(item, "args") is { ValueKind: JsonValueKind.Array } a
                    ? a.EnumerateArray().Select(x => (object)(x.ValueKind == JsonValueKind.String ? x.GetString() ?? "" : x.ToString())).ToArray()
                    : [];
                var message = Text(item, "message");
                if (format is not null) list.Add(new StoredWarning(format, args));
                else if (message is not null) list.Add(new StoredWarning(message, []));
            }
            return list;
        }
        catch (JsonException)
        {
            return [new StoredWarning(json, [])];
        }
    }

    private static JsonElement? Property(JsonElement item, string name)
    {
        foreach (var p in item.EnumerateObject())
        {
            if (string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase)) return p.Value;
        }
        return null;
    }

    private static string? Text(JsonElement item, string name) => Property(item, name) is { ValueKind: JsonValueKind.String } v ? v.GetString() : null;
}
