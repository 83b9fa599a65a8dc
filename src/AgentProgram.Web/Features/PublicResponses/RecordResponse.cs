using AgentProgram.Web.Data;
using AgentProgram.Web.Domain.Reports;
using AgentProgram.Web.Features.Admin;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using AgentProgram.Web.Infrastructure.Aggregates;

namespace AgentProgram.Web.Features.PublicResponses;

/// <summary>What the agent types about one reaction under their post.</summary>
public sealed class RecordResponseForm
{
    public const int MaxText = 1000;

    public string? Text { get; set; }
    public ResponseKind? Kind { get; set; }
    public Sentiment? Sentiment { get; set; }
    public int? ConcernedUnitId { get; set; }
}

/// <summary>A reaction the agent already recorded, with what Humas did with it.</summary>
public sealed record RecordedResponseRow(long Id, string Text, ResponseKind Kind, Sentiment Sentiment, string? ConcernedUnit,
    ResponseStatus Status, string? ResolutionNote, DateTime RecordedUtc, DateTime? ResolvedUtc);

public sealed record RecordResponsePage(long ReportId, string MessageTitle, DateTime PostedUtc, string? PostUrl, RecordResponseForm Form,
    IReadOnlyList<UnitOption> Units, IReadOnlyList<RecordedResponseRow> Recorded);

public enum RecordOutcome { NotFound, Invalid, Done }

/// <summary>
/// The agent records a notable public reaction seen under one of their own shares. Every lookup starts
/// from the signed-in agent: another agent's report is "not found". The same text sent twice within a
/// few minutes (a double tap on a slow connection) is stored once.
/// </summary>
public sealed class RecordResponseHandler(AppDbContext db, TimeProvider clock, IStringLocalizer<SharedResource> l)
{
    private static readonly TimeSpan RepeatWindow = TimeSpan.FromMinutes(10);

    private sealed record Mine(long ReportId, int AgentId, int MessageId, string Title, DateTime PostedUtc, string? PostUrl);

    public async Task<RecordResponsePage?> LoadAsync(string userId, long reportId, RecordResponseForm? form = null, CancellationToken ct = default)
    {
        var report = await FindAsync(userId, reportId, ct);
        if (report is null) return null;
        var units = await ResponseUnits.LoadAsync(db, ct);
        var found = await db.PublicResponses.AsNoTracking().Where(r => r.ReportId == reportId && r.AgentId == report.AgentId)
            .OrderByDescending(r => r.RecordedUtc).ThenByDescending(r => r.Id)
            .Select(r => new { r.Id, r.Text, r.Kind, r.Sentiment, r.ConcernedUnitId, r.Status, r.ResolutionNote, r.RecordedUtc, r.ResolvedUtc })
            .ToListAsync(ct);
        var rows = found.Select(r => new RecordedResponseRow(r.Id, r.Text, r.Kind, r.Sentiment, units.NameOf(r.ConcernedUnitId),
            r.Status, r.ResolutionNote, r.RecordedUtc, r.ResolvedUtc)).ToList();
        form ??= new RecordResponseForm { Sentiment = Sentiment.Neutral };
        return new RecordResponsePage(report.ReportId, report.Title, report.PostedUtc, report.PostUrl, form,
            [.. units.Options.Where(u => !u.IsClosed || u.Id == form.ConcernedUnitId)], rows);
    }

    public async Task<(RecordOutcome Outcome, IReadOnlyList<FieldError> Errors)> SaveAsync(string userId, long reportId, RecordResponseForm form, CancellationToken ct = default)
    {
        ArgumentNullException.ThrowIfNull(form);
        var report = await FindAsync(userId, reportId, ct);
        if (report is null) return (RecordOutcome.NotFound, []);

        var errors = new List<FieldError>();
        var text = form.Text?.Trim() ?? "";
        if (text.Length == 0)
            errors.Add(new(nameof(form.Text), l["Tuliskan isi tanggapan, misalnya salin komentarnya dari kiriman Anda."]));
        else if (text.Length > RecordResponseForm.MaxText)
            errors.Add(new(nameof(form.Text), l["Isi tanggapan paling banyak {0} karakter; sekarang {1}. Ringkas bagian yang tidak penting.", RecordResponseForm.MaxText, text.Length]));
        if (form.Kind is not { } kind || !Enum.IsDefined(kind))
            errors.Add(new(nameof(form.Kind), l["Pilih jenis tanggapan: pertanyaan, keluhan, laporan hoaks, atau apresiasi."]));
        if (form.Sentiment is not { } sentiment || !Enum.IsDefined(sentiment))
            errors.Add(new(nameof(form.Sentiment), l["Pilih sentimen tanggapan: positif, netral, atau negatif."]));
        if (form.ConcernedUnitId is { } unitId && !await db.Units.AnyAsync(u => u.Id == unitId, ct))
            errors.Add(new(nameof(form.ConcernedUnitId), l["Unit kerja itu tidak ditemukan. Pilih dari daftar, atau kosongkan bila tidak tahu."]));
        if (errors.Count > 0) return (RecordOutcome.Invalid, errors);

        var now = clock.GetUtcNow().UtcDateTime;
        var since = now - RepeatWindow;
        var repeated = await db.PublicResponses.AsNoTracking()
            .AnyAsync(r => r.ReportId == reportId && r.AgentId == report.AgentId && r.Text == text && r.RecordedUtc >= since, ct);
        if (repeated) return (RecordOutcome.Done, []);

        db.PublicResponses.Add(new PublicResponse
        {
            ReportId = report.ReportId,
            MessageId = report.MessageId,
            AgentId = report.AgentId,
            Text = text,
            Kind = form.Kind!.Value,
            Sentiment = form.Sentiment!.Value,
            ConcernedUnitId = form.ConcernedUnitId,
            Status = ResponseStatus.Open,
            RecordedUtc = now,
        });
        await AggregateMarks.TrackAsync(db, ct);
        await db.SaveChangesAsync(ct);
        return (RecordOutcome.Done, []);
    }

    private Task<Mine?> FindAsync(string userId, long reportId, CancellationToken ct) =>
        db.ShareReports.AsNoTracking()
            .Where(r => r.Id == reportId && db.Agents.Any(a => a.Id == r.AgentId && a.UserId == userId))
            .Select(r => new Mine(r.Id, r.AgentId, r.MessageId,
                db.PolicyMessages.Where(m => m.Id == r.MessageId).Select(m => m.Title).FirstOrDefault() ?? "", r.PostedUtc, r.PostUrl))
            .SingleOrDefaultAsync(ct);
}
