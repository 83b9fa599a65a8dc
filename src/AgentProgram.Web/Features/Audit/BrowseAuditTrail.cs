using System.Globalization;
using System.Text.Json;
using AgentProgram.Web.Data;
using AgentProgram.Web.Domain.Audit;
using AgentProgram.Web.Infrastructure.Localization;
using AgentProgram.Web.Infrastructure.Time;
using AgentProgram.Web.Infrastructure.Web;
using Microsoft.AspNetCore.Http.Extensions;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace AgentProgram.Web.Features.Audit;

/// <summary>The trail's filters as they sit in the URL: aksi, pengguna, entitas, kunci, dari, sampai (yyyy-MM-dd, WIB), hal.</summary>
public sealed record AuditQuery(string? Action, string? UserName, string? EntityType, string? EntityKey, string? FromDate, string? ToDate, int Page)
{
    public const int PageSize = 50;
    public const string DateFormat = "yyyy-MM-dd";

    /// <summary>The actions the filter offers: the security and data events, and exports of lists.</summary>
    public static IReadOnlyList<string> Actions { get; } = [.. AuditActions.All, TableExport.AuditAction, Privacy.PrivacyAuditActions.PersonalDataErased, Privacy.PrivacyAuditActions.ScreenshotsPurged];

    public static AuditQuery Create(string? aksi, string? pengguna, string? entitas, string? kunci, string? dari, string? sampai, int hal) => new(
        Actions.Contains(aksi ?? "") ? aksi : null,
        Clean(pengguna, 256), Clean(entitas, 100), Clean(kunci, 100), Clean(dari, 10), Clean(sampai, 10),
        Math.Max(1, hal));

    public bool HasFilters => Action is not null || UserName is not null || EntityType is not null || EntityKey is not null || FromDate is not null || ToDate is not null;

    public string Url(int page)
    {
        var qb = new QueryBuilder();
        void Add(string key, string? value)
        {
            if (value is not null) qb.Add(key, value);
        }
        Add("aksi", Action);
        Add("pengguna", UserName);
        Add("entitas", EntityType);
        Add("kunci", EntityKey);
        Add("dari", FromDate);
        Add("sampai", ToDate);
        if (page > 1) qb.Add("hal", page.ToString(CultureInfo.InvariantCulture));
        return "/admin/jejak-audit" + qb.ToQueryString();
    }

    private static string? Clean(string? s, int max)
    {
        if (string.IsNullOrWhiteSpace(s)) return null;
        s = s.Trim();
        return s.Length <= max ? s : s[..max];
    }
}

public enum ChangeValueKind { Empty, Boolean, Date, Text }

/// <summary>One value of a change, typed just enough for the view to show it in the reader's language and time zone.</summary>
public sealed record ChangeValue(ChangeValueKind Kind, string Text = "", bool Flag = false, DateTime Utc = default);

public sealed record ChangeLine(string Field, ChangeValue? Old, ChangeValue? New);

/// <summary>An entry's changes: a list of field old → new when the JSON is an object of fields, else the free detail text.</summary>
public sealed record AuditChanges(IReadOnlyList<ChangeLine> Lines, string? Text)
{
    public static readonly AuditChanges None = new([], null);

    public static AuditChanges Parse(string? changes)
    {
        if (string.IsNullOrWhiteSpace(changes)) return None;
        var trimmed = changes.TrimStart();
        if (!trimmed.StartsWith('{')) return new([], changes);
        try
        {
            using var doc = JsonDocument.Parse(changes);
            var lines = new List<ChangeLine>();
            foreach (var field in doc.RootElement.EnumerateObject())
            {
                var v = field.Value;
                var isPair = v.ValueKind == JsonValueKind.Object && (v.TryGetProperty("old", out _) || v.TryGetProperty("new", out _));
                if (!isPair)
                {
                    lines.Add(new ChangeLine(field.Name, null, Value(v)));
                    continue;
                }
                lines.Add(new ChangeLine(field.Name,
                    v.TryGetProperty("old", out var o) ? Value(o) : null,
                    v.TryGetProperty("new", out var n) ? Value(n) : null));
            }
            return new(lines, null);
        }
        catch (JsonException)
        {
            return new([], changes);
        }
    }

    private static ChangeValue Value(JsonElement e) => e.ValueKind switch
    {
        JsonValueKind.Null or JsonValueKind.Undefined => new(ChangeValueKind.Empty),
        JsonValueKind.True => new(ChangeValueKind.Boolean, Flag: true),
        JsonValueKind.False => new(ChangeValueKind.Boolean, Flag: false),
        JsonValueKind.String when e.GetString() is { } s && LooksLikeTimestamp(s, out var utc) => new(ChangeValueKind.Date, s, Utc: utc),
        JsonValueKind.String => new(ChangeValueKind.Text, e.GetString() ?? ""),
        _ => new(ChangeValueKind.Text, e.GetRawText()),
    };

    /// <summary>Timestamps in the trail are UTC (with or without a "Z"); shown in the institution's zone.</summary>
    private static bool LooksLikeTimestamp(string s, out DateTime utc)
    {
        utc = default;
        if (s.Length < 19 || s[4] != '-' || s[7] != '-' || s[10] != 'T') return false;
        if (!DateTime.TryParse(s, CultureInfo.InvariantCulture, DateTimeStyles.AdjustToUniversal | DateTimeStyles.AssumeUniversal, out var parsed)) return false;
        utc = DateTime.SpecifyKind(parsed, DateTimeKind.Utc);
        return true;
    }
}

public sealed record AuditRow(
    long Id, DateTime OccurredUtc, string? UserId, string? UserName, string Action, string? EntityType, string? EntityKey,
    string? IpAddress, string? Path, AuditChanges Changes);

public sealed record AuditPage(
    AuditQuery Query, IReadOnlyList<AuditRow> Rows, int Total, int PageCount, IReadOnlyList<string> EntityTypes,
    IReadOnlyList<(string Field, string Message)> Errors);

/// <summary>Reads the append-only trail, newest first. There is deliberately no way to change or delete an entry.</summary>
public sealed class BrowseAuditTrailHandler(AppDbContext db, Display display, IStringLocalizer<SharedResource> l)
{
    public async Task<AuditPage> HandleAsync(AuditQuery query, CancellationToken ct = default)
    {
        var errors = new List<(string Field, string Message)>();
        var entries = Filtered(query, errors);

        var total = await entries.CountAsync(ct);
        var pageCount = Math.Max(1, (total + AuditQuery.PageSize - 1) / AuditQuery.PageSize);
        var page = Math.Min(query.Page, pageCount);
        var rows = await RowsAsync(Newest(entries).Skip((page - 1) * AuditQuery.PageSize).Take(AuditQuery.PageSize), ct);

        var types = await db.AuditEntries.AsNoTracking().Where(e => e.EntityType != null)
            .Select(e => e.EntityType!).Distinct().OrderBy(x => x).Take(200).ToListAsync(ct);
        if (query.EntityType is { } wanted && !types.Contains(wanted)) types.Add(wanted);
        return new AuditPage(query with { Page = page }, rows, total, pageCount, types, errors);
    }

    /// <summary>
    /// Every entry the filters select (all pages, at most limit + 1), newest first, with the page's columns;
    /// the page path under the action and the record key under the data are columns of their own, the
    /// changes one line of "field: old → new" pairs. Filters the page reports as invalid are ignored, as on the page.
    /// </summary>
    public async Task<ExportTable> ExportAsync(AuditQuery query, int limit, CancellationToken ct = default)
    {
        var rows = await RowsAsync(Newest(Filtered(query, [])).Take(limit + 1), ct);
        return new ExportColumns<AuditRow>()
            .DateTime(l["Waktu"], r => display.ToLocal(r.OccurredUtc))
            .Text(l["Dilakukan oleh"], r => r.UserName ?? l["Sistem"])
            .Text(l["Aksi"], r => l[AuditLabels.Action(r.Action)])
            .Text(l["Halaman"], r => r.Path)
            .Text(l["Data terkait"], r => r.EntityType is { } t ? l[AuditLabels.Entity(t)].Value : null)
            .Text(l["Kunci data"], r => r.EntityKey)
            .Text(l["Alamat IP"], r => r.IpAddress)
            .Text(l["Rincian"], r => Details(r.Changes))
            .Table(l["Jejak Audit"], rows, limit);
    }

    /// <summary>The changes as the page lists them, on one line: "Nama tampilan: Lama → Baru; Akun aktif: Ya → Tidak".</summary>
    private string? Details(AuditChanges changes)
    {
        if (changes.Lines.Count == 0) return changes.Text;
        return string.Join("; ", changes.Lines.Select(line =>
        {
            var field = AuditLabels.IsKnownField(line.Field) ? l[AuditLabels.Field(line.Field)].Value : line.Field;
            var now = line.New is null ? l["(dihapus)"].Value : Show(line.New);
            return line.Old is null ? $"{field}: {now}" : $"{field}: {Show(line.Old)} → {now}";
        }));
    }

    private string Show(ChangeValue value) => value.Kind switch
    {
        ChangeValueKind.Empty => l["(kosong)"],
        ChangeValueKind.Boolean => value.Flag ? l["Ya"] : l["Tidak"],
        ChangeValueKind.Date => display.DateTimeShort(value.Utc),
        _ => value.Text,
    };

    private static IQueryable<AuditEntry> Newest(IQueryable<AuditEntry> entries) =>
        entries.OrderByDescending(e => e.OccurredUtc).ThenByDescending(e => e.Id);

    private static async Task<List<AuditRow>> RowsAsync(IQueryable<AuditEntry> entries, CancellationToken ct) =>
        (await entries.ToListAsync(ct)).Select(e => new AuditRow(e.Id, e.OccurredUtc, e.UserId, e.UserName, e.Action, e.EntityType, e.EntityKey,
            e.IpAddress, e.Path, AuditChanges.Parse(e.Changes))).ToList();

    /// <summary>The trail's filters; a date that cannot be read is reported in <paramref name="errors"/> and not applied.</summary>
    private IQueryable<AuditEntry> Filtered(AuditQuery query, List<(string Field, string Message)> errors)
    {
        var entries = db.AuditEntries.AsNoTracking();
        if (query.Action is { } action) entries = entries.Where(e => e.Action == action);
        if (query.UserName is { } user)
        {
            var pattern = "%" + EscapeLike(user) + "%";
            entries = entries.Where(e => e.UserName != null && EF.Functions.Like(e.UserName, pattern, "\\"));
        }
        if (query.EntityType is { } type) entries = entries.Where(e => e.EntityType == type);
        if (query.EntityKey is { } key) entries = entries.Where(e => e.EntityKey == key);

        var from = ParseDate(query.FromDate, "dari", errors);
        var to = ParseDate(query.ToDate, "sampai", errors);
        if (from is not null && to is not null && from > to)
            errors.Add(("sampai", l["Tanggal akhir tidak boleh sebelum tanggal awal."]));
        if (from is { } f) entries = entries.Where(e => e.OccurredUtc >= StartOfDayUtc(f));
        if (to is { } t) entries = entries.Where(e => e.OccurredUtc < StartOfDayUtc(t.AddDays(1)));
        return entries;
    }

    private DateTime StartOfDayUtc(DateOnly day) =>
        TimeZoneInfo.ConvertTimeToUtc(day.ToDateTime(TimeOnly.MinValue, DateTimeKind.Unspecified), display.Zone);

    private DateOnly? ParseDate(string? value, string field, List<(string Field, string Message)> errors)
    {
        if (value is null) return null;
        if (DateOnly.TryParseExact(value, AuditQuery.DateFormat, CultureInfo.InvariantCulture, DateTimeStyles.None, out var day)) return day;
        errors.Add((field, l["Tanggal \"{0}\" tidak dikenali. Gunakan format tahun-bulan-tanggal, misalnya 2026-11-22.", value]));
        return null;
    }

    private static string EscapeLike(string s) =>
        s.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal);
}

/// <summary>Readable labels for the trail's technical names (Indonesian keys, translated in the view).</summary>
public static class AuditLabels
{
    private static readonly Dictionary<string, string> Actions = new(StringComparer.Ordinal)
    {
        [AuditActions.Created] = I18n.Key("Data dibuat"),
        [AuditActions.Updated] = I18n.Key("Data diubah"),
        [AuditActions.Deleted] = I18n.Key("Data dihapus"),
        [AuditActions.SignIn] = I18n.Key("Berhasil masuk"),
        [AuditActions.SignInFailed] = I18n.Key("Gagal masuk"),
        [AuditActions.SignOut] = I18n.Key("Keluar dari aplikasi"),
        [AuditActions.LockedOut] = I18n.Key("Akun terkunci"),
        [AuditActions.AccessDenied] = I18n.Key("Akses ditolak"),
        [AuditActions.PasswordChanged] = I18n.Key("Kata sandi diganti pengguna"),
        [AuditActions.PasswordReset] = I18n.Key("Kata sandi disetel ulang"),
        [AuditActions.TwoFactorEnabled] = I18n.Key("Verifikasi dua langkah diaktifkan"),
        [AuditActions.TwoFactorDisabled] = I18n.Key("Verifikasi dua langkah dinonaktifkan"),
        [AuditActions.Imported] = I18n.Key("Data diimpor"),
        [TableExport.AuditAction] = I18n.Key("Daftar diunduh"),
        [Privacy.PrivacyAuditActions.PersonalDataErased] = I18n.Key("Data pribadi dihapus"),
        [Privacy.PrivacyAuditActions.ScreenshotsPurged] = I18n.Key("Tangkapan layar dihapus (retensi)"),
    };

    private static readonly Dictionary<string, string> Entities = new(StringComparer.Ordinal)
    {
        ["AppUser"] = I18n.Key("Akun pengguna"),
        ["Institution"] = I18n.Key("Instansi"),
        ["Unit"] = I18n.Key("Unit Kerja"),
    };

    private static readonly Dictionary<string, string> Fields = new(StringComparer.Ordinal)
    {
        ["Email"] = I18n.Key("Email"),
        ["DisplayName"] = I18n.Key("Nama tampilan"),
        ["Roles"] = I18n.Key("Peran"),
        ["IsActive"] = I18n.Key("Akun aktif"),
        ["MustChangePassword"] = I18n.Key("Wajib mengganti kata sandi"),
        ["AccessFailedCount"] = I18n.Key("Jumlah gagal masuk"),
        ["LockoutEnd"] = I18n.Key("Terkunci sampai"),
        ["Reason"] = I18n.Key("Alasan"),
    };

    /// <summary>Unknown names are shown as they are (a new action or entity still reads sensibly).</summary>
    public static string Action(string action) => Actions.GetValueOrDefault(action, action);
    public static string Entity(string entity) => Entities.GetValueOrDefault(entity, entity);
    public static string Field(string field) => Fields.GetValueOrDefault(field, field);
    public static bool IsKnownField(string field) => Fields.ContainsKey(field);
}
