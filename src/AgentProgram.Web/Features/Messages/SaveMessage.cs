using System.Security.Claims;
using AgentProgram.Web.Data;
using AgentProgram.Web.Domain.Messages;
using AgentProgram.Web.Infrastructure.Aggregates;
using System.Globalization;
using AgentProgram.Web.Domain.Platforms;
using AgentProgram.Web.Features.Admin;
using AgentProgram.Web.Features.Shared.Conflicts;
using AgentProgram.Web.Infrastructure.Audit;
using AgentProgram.Web.Infrastructure.Time;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace AgentProgram.Web.Features.Messages;

public enum SaveOutcome { Saved, NewRevision, NotFound, Invalid, Conflict }

/// <summary>
/// Creates a draft (with revision 1) and saves edits. An edit of a Draft or Submitted message changes the
/// current revision in place (a Submitted one returns to Draft); an edit of an Approved or Published message
/// becomes a new revision, Submitted at once, while agents keep sharing the approved revision.
/// </summary>
public sealed class SaveMessageHandler(AppDbContext db, MessageContextHandler context, AuditLog audit, TimeProvider clock, Display display, ConflictService conflicts, IStringLocalizer<SharedResource> l)
{
    public async Task<(int? Id, IReadOnlyList<FieldError> Errors)> CreateAsync(MessageForm form, ClaimsPrincipal user, CancellationToken ct = default)
    {
        var errors = MessageFormRules.Check(form, l);
        await CheckSourceUnitAsync(form, errors, ct);
        if (errors.Count > 0) return (null, errors);
        var actorId = user.FindFirstValue(ClaimTypes.NameIdentifier) ?? "";
        var now = clock.GetUtcNow().UtcDateTime;
        var strategy = db.Database.CreateExecutionStrategy();
        var id = await strategy.ExecuteAsync(async () =>
        {
            await using var tx = await db.Database.BeginTransactionAsync(ct);
            var m = new PolicyMessage { AuthorUserId = actorId, CreatedUtc = now, Status = MessageStatus.Draft };
            ApplyMessage(m, form);
            var r = new MessageRevision { Message = m, Number = 1, CreatedByUserId = actorId, CreatedUtc = now };
            ApplyRevision(r, form);
            m.Revisions.Add(r);
            db.PolicyMessages.Add(m);
            await db.SaveChangesAsync(ct);
            m.CurrentRevisionId = r.Id;
            await audit.WriteAsync(MessageAuditActions.Created, detail: $"{{\"revision\":{r.Number}}}", entityType: MessageAuditActions.EntityType, entityKey: m.Id.ToString(System.Globalization.CultureInfo.InvariantCulture), ct: ct);
            await tx.CommitAsync(ct);
            return m.Id;
        });
        return (id, []);
    }

    /// <summary>A message from another unit names it: a unit of the tree, or (another institution) the source note.</summary>
    private async Task CheckSourceUnitAsync(MessageForm form, List<FieldError> errors, CancellationToken ct)
    {
        if (form.Source != MessageSource.OtherUnit) return;
        if (form.SourceUnitId is int unitId)
        {
            if (!await db.Units.AnyAsync(u => u.Id == unitId, ct))
                errors.Add(new(nameof(MessageForm.SourceUnitId), l["Unit kerja asal tidak ditemukan. Muat ulang halaman, lalu pilih lagi."]));
        }
        else if (string.IsNullOrWhiteSpace(form.SourceNote))
        {
            errors.Add(new(nameof(MessageForm.SourceUnitId), l["Pilih unit kerja asal pesan, atau tulis nama instansi asalnya di keterangan sumber."]));
        }
    }

    public async Task<(SaveOutcome Outcome, IReadOnlyList<FieldError> Errors)> EditAsync(int id, MessageForm form, ClaimsPrincipal user, CancellationToken ct = default)
    {
        var m = await db.PolicyMessages.SingleOrDefaultAsync(x => x.Id == id, ct);
        if (m?.CurrentRevisionId is not int currentId) return (SaveOutcome.NotFound, []);
        var current = await db.MessageRevisions.Include(r => r.Captions).Include(r => r.Glossary).Include(r => r.Media)
            .SingleAsync(r => r.Id == currentId, ct);

        var errors = MessageFormRules.Check(form, l);
        await CheckSourceUnitAsync(form, errors, ct);
        if (errors.Count > 0) return (SaveOutcome.Invalid, errors);

        var actor = await context.ActorAsync(user, ct);
        // The election check of the text as it will be after the edit.
        var probeMessage = new PolicyMessage { Title = form.Title.Trim(), ActiveFromUtc = ToUtc(form.ActiveFrom!.Value), ActiveUntilUtc = ToUtc(form.ActiveUntil!.Value) };
        var probeRevision = new MessageRevision();
        ApplyRevision(probeRevision, form);
        var election = await context.ElectionAsync(probeMessage, probeRevision, ct);
        var decision = MessageWorkflow.Decide(m.Status, MessageAction.Edit, actor, new WorkflowFacts
        {
            AuthorUserId = current.CreatedByUserId,
            Checklist = form.Checklist,
            Election = election,
            PublishedBefore = m.PublishedUtc is not null,
            ApprovedRevisionId = m.ApprovedRevisionId,
        });
        if (!decision.IsAllowed) return (SaveOutcome.Invalid, [.. decision.Refusals.Select(r => new FieldError("", l[r.Format, r.FormatArgs]))]);
        var edit = decision.Edit!;

        db.Entry(m).Property(e => e.Version).OriginalValue = form.Version;
        // An edit of the revision alone (key message, captions…) still checks and bumps the message's version:
        // otherwise a stale form would overwrite another officer's text without a conflict.
        db.Entry(m).Property(e => e.Version).IsModified = true;
        var now = clock.GetUtcNow().UtcDateTime;
        var key = m.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        try
        {
            var strategy = db.Database.CreateExecutionStrategy();
            return await strategy.ExecuteAsync(async () =>
            {
                await using var tx = await db.Database.BeginTransactionAsync(ct);
                var mission = m.Mission;
                ApplyMessage(m, form);
                // Agents' activity is kept per mission tag: a changed tag changes the days this message was shared.
                if (m.Mission != mission) await AggregateMarks.StageReportDaysOfMessageAsync(db, m.Id, ct);
                m.ElectionFlag = election.IsFlagged ? Truncate(election.PeriodNames, 200) : null;
                SaveOutcome outcome;
                if (edit.NewRevisionRequired)
                {
                    var number = await db.MessageRevisions.Where(r => r.MessageId == m.Id).MaxAsync(r => r.Number, ct) + 1;
                    var r = new MessageRevision { MessageId = m.Id, Number = number, CreatedByUserId = edit.RevisionAuthorUserId, CreatedUtc = now };
                    ApplyRevision(r, form);
                    r.ChecklistSourcesVerified = form.ChecklistSources;
                    r.ChecklistNoHoaxSlanderSara = form.ChecklistNoHoax;
                    r.ChecklistNoPartisanContent = form.ChecklistNoPartisan;
                    foreach (var media in current.Media)
                    {
                        r.Media.Add(new MediaFile
                        {
                            FileName = media.FileName, ContentType = media.ContentType, Length = media.Length,
                            Sha256 = media.Sha256, StoragePath = media.StoragePath, UploadedUtc = media.UploadedUtc,
                        });
                    }
                    db.MessageRevisions.Add(r);
                    m.Status = edit.StatusAfter;
                    await db.SaveChangesAsync(ct);
                    m.CurrentRevisionId = r.Id;
                    await audit.WriteAsync(MessageAuditActions.RevisionCreated, detail: $"{{\"revision\":{number}}}", entityType: MessageAuditActions.EntityType, entityKey: key, ct: ct);
                    outcome = SaveOutcome.NewRevision;
                }
                else
                {
                    db.CaptionVariants.RemoveRange(current.Captions);
                    db.GlossaryEntries.RemoveRange(current.Glossary);
                    current.Captions.Clear();
                    current.Glossary.Clear();
                    ApplyRevision(current, form);
                    current.CreatedByUserId = edit.RevisionAuthorUserId;
                    m.Status = edit.StatusAfter;
                    await audit.WriteAsync(MessageAuditActions.Edited, detail: $"{{\"revision\":{current.Number}}}", entityType: MessageAuditActions.EntityType, entityKey: key, ct: ct);
                    outcome = SaveOutcome.Saved;
                }
                await tx.CommitAsync(ct);
                return (outcome, (IReadOnlyList<FieldError>)[]);
            });
        }
        catch (DbUpdateConcurrencyException)
        {
            // Another officer saved first: nothing of this save is kept; show what changed and keep the entries on top of the stored version.
            db.ChangeTracker.Clear();
            var stored = await db.PolicyMessages.AsNoTracking().SingleOrDefaultAsync(x => x.Id == id, ct);
            if (stored?.CurrentRevisionId is not int storedRevisionId) return (SaveOutcome.NotFound, []);
            var revision = await db.MessageRevisions.AsNoTracking().Include(r => r.Captions).Include(r => r.Glossary).SingleAsync(r => r.Id == storedRevisionId, ct);
            var storedForm = MessageForm.From(stored, revision, display);
            var units = await MessageConflictFields.UnitNamesAsync(db, [form.SourceUnitId, storedForm.SourceUnitId], ct);
            conflicts.Resolve(form.Normalized(), storedForm, f => MessageConflictFields.Describe(f, units, l));
            form.Version = stored.Version;
            return (SaveOutcome.Conflict, []);
        }
    }

    private void ApplyMessage(PolicyMessage m, MessageForm form)
    {
        m.Title = form.Title.Trim();
        m.PolicyReference = form.PolicyReference.Trim();
        m.Source = Enum.IsDefined(form.Source) ? form.Source : MessageSource.OwnUnit;
        m.SourceNote = string.IsNullOrWhiteSpace(form.SourceNote) ? null : form.SourceNote.Trim();
        m.SourceUnitId = m.Source == MessageSource.OtherUnit ? form.SourceUnitId : null;
        m.Mission = Enum.IsDefined(form.Mission) ? form.Mission : MissionTag.Transparansi;
        m.ActiveFromUtc = ToUtc(form.ActiveFrom!.Value);
        m.ActiveUntilUtc = ToUtc(form.ActiveUntil!.Value);
    }

    private static void ApplyRevision(MessageRevision r, MessageForm form)
    {
        r.KeyMessage = form.KeyMessage.Trim();
        r.PublicBenefit = string.IsNullOrWhiteSpace(form.PublicBenefit) ? null : form.PublicBenefit.Trim();
        r.CanonicalUrl = form.CanonicalUrl.Trim();
        r.Hashtags = form.NormalizedHashtags;
        foreach (var (platform, text) in form.FilledCaptions) r.Captions.Add(new CaptionVariant { Platform = platform, Text = text });
        foreach (var (term, meaning) in form.FilledGlossary) r.Glossary.Add(new GlossaryEntry { Term = term, Meaning = meaning });
    }

    private DateTime ToUtc(DateTime local) =>
        display.ToUtc(local);

    private static string Truncate(string s, int max) => s.Length <= max ? s : s[..max];
}

/// <summary>The message form's fields as a person reads them, for the "what changed" report.</summary>
internal static class MessageConflictFields
{
    public static async Task<IReadOnlyDictionary<int, string>> UnitNamesAsync(AppDbContext db, IEnumerable<int?> ids, CancellationToken ct)
    {
        var wanted = ids.OfType<int>().Distinct().ToList();
        if (wanted.Count == 0) return new Dictionary<int, string>();
        return await db.Units.AsNoTracking().Where(u => wanted.Contains(u.Id)).ToDictionaryAsync(u => u.Id, u => u.Name, ct);
    }

    public static IReadOnlyList<ConflictField> Describe(MessageForm f, IReadOnlyDictionary<int, string> units, IStringLocalizer l)
    {
        var fields = new List<ConflictField>
        {
            new(nameof(f.Title), l["Judul"], Text(f.Title)),
            new(nameof(f.PolicyReference), l["Kebijakan atau program yang didukung"], Text(f.PolicyReference)),
            new(nameof(f.Source), l["Sumber pesan"], l[f.Source.Label()].Value),
            new(nameof(f.SourceUnitId), l["Unit kerja asal (bila dari unit lain)"],
                f.SourceUnitId is { } unitId ? units.GetValueOrDefault(unitId) ?? unitId.ToString(CultureInfo.InvariantCulture) : null),
            new(nameof(f.SourceNote), l["Keterangan sumber"], Text(f.SourceNote)),
            new(nameof(f.Mission), l["Misi"], l[f.Mission.Label()].Value),
            new(nameof(f.KeyMessage), l["Pesan utama"], Text(f.KeyMessage)),
            new(nameof(f.PublicBenefit), l["Manfaat bagi masyarakat"], Text(f.PublicBenefit)),
            new(nameof(f.CanonicalUrl), l["Tautan laman resmi"], Text(f.CanonicalUrl)),
            new(nameof(f.Hashtags), l["Tagar"], f.NormalizedHashtags),
            new(nameof(f.ActiveFrom), l["Aktif mulai (WIB)"], When(f.ActiveFrom)),
            new(nameof(f.ActiveUntil), l["Aktif sampai (WIB)"], When(f.ActiveUntil)),
        };
        foreach (var platform in Enum.GetValues<Platform>())
        {
            var p = platform;
            fields.Add(new("Caption." + p, l["Keterangan {0}", CaptionRules.PlatformName(p)],
                Text(f.Captions.FirstOrDefault(c => c.Platform == p)?.Text),
                (from, into) => CopyCaption(p, (MessageForm)from, (MessageForm)into)));
        }
        fields.Add(new(nameof(f.Glossary), l["Glosarium istilah"],
            Text(string.Join("\n", f.FilledGlossary.Select(g => g.Term + ": " + g.Meaning))),
            (from, into) => ((MessageForm)into).Glossary = [.. ((MessageForm)from).Glossary.Select(g => new GlossaryInput { Term = g.Term, Meaning = g.Meaning })]));
        return fields;
    }

    private static void CopyCaption(Platform platform, MessageForm from, MessageForm into)
    {
        var text = from.Captions.FirstOrDefault(c => c.Platform == platform)?.Text;
        if (into.Captions.FirstOrDefault(c => c.Platform == platform) is { } target) target.Text = text;
        else into.Captions.Add(new CaptionInput { Platform = platform, Text = text });
    }

    private static string? Text(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();

    private static string? When(DateTime? t) => t?.ToString("d MMMM yyyy HH.mm", CultureInfo.CurrentCulture);
}
