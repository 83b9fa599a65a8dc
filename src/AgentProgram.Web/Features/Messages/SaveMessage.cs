using System.Security.Claims;
using AgentProgram.Web.Data;
using AgentProgram.Web.Domain.Messages;
using AgentProgram.Web.Features.Admin;
using AgentProgram.Web.Infrastructure.Audit;
using AgentProgram.Web.Infrastructure.Time;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace AgentProgram.Web.Features.Messages;

public enum SaveOutcome { Saved, NewRevision, NotFound, Invalid }

/// <summary>
/// Creates a draft (with revision 1) and saves edits. An edit of a Draft or Submitted message changes the
/// current revision in place (a Submitted one returns to Draft); an edit of an Approved or Published message
/// becomes a new revision, Submitted at once, while agents keep sharing the approved revision.
/// </summary>
public sealed class SaveMessageHandler(AppDbContext db, MessageContextHandler context, AuditLog audit, TimeProvider clock, Display display, IStringLocalizer<SharedResource> l)
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
        var now = clock.GetUtcNow().UtcDateTime;
        var key = m.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        try
        {
            var strategy = db.Database.CreateExecutionStrategy();
            return await strategy.ExecuteAsync(async () =>
            {
                await using var tx = await db.Database.BeginTransactionAsync(ct);
                ApplyMessage(m, form);
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
            return (SaveOutcome.Invalid, [new("", l["Data ini baru saja diubah orang lain. Muat ulang halaman lalu ulangi perubahan Anda."])]);
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
