using System.Globalization;
using System.Security.Claims;
using AgentProgram.Web.Data;
using AgentProgram.Web.Domain.Identity;
using AgentProgram.Web.Domain.Messages;
using AgentProgram.Web.Features.Admin;
using AgentProgram.Web.Infrastructure.Audit;
using AgentProgram.Web.Infrastructure.Storage;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace AgentProgram.Web.Features.Messages;

/// <summary>Adds an image or video to a draft's current revision and serves stored media to signed-in users.</summary>
public sealed class MessageMediaHandler(AppDbContext db, IFileStore store, MessageContextHandler context, AuditLog audit, TimeProvider clock, IStringLocalizer<SharedResource> l)
{
    public const long MaxImageBytes = 5L * 1024 * 1024;
    public const long MaxVideoBytes = 50L * 1024 * 1024;

    public async Task<(ActOutcome Outcome, IReadOnlyList<FieldError> Errors)> UploadAsync(int id, IFormFile? file, ClaimsPrincipal user, CancellationToken ct = default)
    {
        var m = await db.PolicyMessages.SingleOrDefaultAsync(x => x.Id == id, ct);
        if (m?.CurrentRevisionId is not int currentId) return (ActOutcome.NotFound, []);
        var r = await db.MessageRevisions.SingleAsync(x => x.Id == currentId, ct);
        var actor = await context.ActorAsync(user, ct);
        if (m.Status != MessageStatus.Draft)
            return Refused(l["Media hanya dapat ditambahkan selagi pesan berstatus Draf. Ubah pesan ini terlebih dahulu bila perlu media baru."]);
        if (!actor.IsHumas && actor.UserId != r.CreatedByUserId)
            return Refused(l[PolicyMessageTexts.NotPermittedToEdit]);
        if (file is null || file.Length == 0) return Refused(l["Pilih berkas gambar atau video untuk diunggah."]);

        await using var stream = file.OpenReadStream();
        var type = await ContentSniffer.SniffAsync(stream, ct);
        if (type is null)
            return Refused(l["Berkas ini bukan gambar JPEG, PNG, atau WebP, atau video MP4. Jenis berkas diperiksa dari isinya, bukan dari namanya."]);
        var max = type.IsVideo ? MaxVideoBytes : MaxImageBytes;
        if (file.Length > max)
            return Refused(type.IsVideo ? l["Video paling besar 50 MB."] : l["Gambar paling besar 5 MB."]);

        var stored = await store.SaveAsync(stream, type.Extension, ct);
        var name = Path.GetFileNameWithoutExtension(file.FileName);
        name = new string(name.Where(c => !char.IsControl(c) && c is not ('"' or '/' or '\\')).ToArray()).Trim();
        if (name.Length == 0) name = "media";
        if (name.Length > 200) name = name[..200];
        db.MediaFiles.Add(new MediaFile
        {
            RevisionId = r.Id, FileName = name + "." + type.Extension, ContentType = type.ContentType, Length = stored.Length,
            Sha256 = stored.Sha256, StoragePath = stored.RelativePath, UploadedUtc = clock.GetUtcNow().UtcDateTime,
        });
        await audit.WriteAsync(MessageAuditActions.MediaAdded, detail: System.Text.Json.JsonSerializer.Serialize(new { type = type.ContentType, length = stored.Length }),
            entityType: MessageAuditActions.EntityType, entityKey: m.Id.ToString(CultureInfo.InvariantCulture), ct: ct);
        return (ActOutcome.Done, []);
    }

    /// <summary>
    /// Staff open any stored media; an agent only media of the approved revision of a message assigned to them (never a draft's, nor
    /// another campaign's found by guessing ids): anything else is simply not found.
    /// </summary>
    public async Task<(MediaFile File, Stream Content)?> OpenAsync(int mediaId, ClaimsPrincipal user, CancellationToken ct = default)
    {
        var media = await db.MediaFiles.AsNoTracking().SingleOrDefaultAsync(x => x.Id == mediaId, ct);
        if (media is null) return null;
        if (!Roles.Staff.Any(user.IsInRole))
        {
            var userId = user.FindFirstValue(ClaimTypes.NameIdentifier) ?? "";
            // Only the approved revision's media: the one agents share (a revision under review is not theirs yet).
            var assigned = await db.PolicyMessages.AsNoTracking().Where(m => m.ApprovedRevisionId == media.RevisionId)
                .AnyAsync(m => db.Assignments.Any(a => a.MessageId == m.Id && db.Agents.Any(g => g.Id == a.AgentId && g.UserId == userId)), ct);
            if (!assigned) return null;
        }
        var content = store.Open(media.StoragePath);
        return content is null ? null : (media, content);
    }

    private static (ActOutcome, IReadOnlyList<FieldError>) Refused(string message) => (ActOutcome.Refused, [new FieldError("", message)]);
}
