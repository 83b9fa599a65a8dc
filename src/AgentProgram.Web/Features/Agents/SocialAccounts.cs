using System.ComponentModel.DataAnnotations;
using AgentProgram.Web.Data;
using AgentProgram.Web.Domain.Agents;
using AgentProgram.Web.Domain.Platforms;
using AgentProgram.Web.Features.Admin;
using AgentProgram.Web.Infrastructure.Time;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;

namespace AgentProgram.Web.Features.Agents;

public sealed class SocialAccountForm
{
    [Required(ErrorMessage = "Pilih platform.")]
    [Display(Name = "Platform")]
    public Platform? Platform { get; set; }

    [Required(ErrorMessage = "Nama pengguna wajib diisi.")]
    [StringLength(100, ErrorMessage = "Nama pengguna paling banyak 100 karakter.")]
    [Display(Name = "Nama pengguna")]
    public string Handle { get; set; } = "";

    [Required(ErrorMessage = "Tautan profil wajib diisi.")]
    [StringLength(300, ErrorMessage = "Tautan profil paling banyak 300 karakter.")]
    [Display(Name = "Tautan profil")]
    public string ProfileUrl { get; set; } = "";

    [Required(ErrorMessage = "Pilih jenis akun.")]
    [Display(Name = "Jenis akun")]
    public AccountKind? Kind { get; set; }

    [Range(0, 2_000_000_000, ErrorMessage = "Jumlah pengikut harus angka 0 atau lebih.")]
    [Display(Name = "Jumlah pengikut")]
    public int? Followers { get; set; }

    [Display(Name = "Per tanggal")]
    public DateOnly? FollowersAsOf { get; set; }

    /// <summary>UU 27/2022: consent per linked account to process its numbers. Required to save.</summary>
    public bool Consent { get; set; }

    public int Version { get; set; }
}

public sealed record MyAccountsPage(MyAgent Agent, IReadOnlyList<SocialAccountRow> Accounts);

public sealed record SocialAccountEditPage(MyAgent Agent, int? Id, SocialAccountForm Form, VerificationState? State, string? RejectionReason, DateOnly Today);

public enum AccountOutcome
{
    Done,
    NotFound,
    Invalid,
}

/// <summary>
/// The agent's own social accounts. Every query is filtered by the signed-in user's agent, so an id
/// of someone else's account is simply not found (404): it is never read, changed or deleted.
/// </summary>
public sealed class SocialAccountsHandler(AppDbContext db, TimeProvider clock, Display display, IStringLocalizer<SharedResource> l)
{
    public const int MaxAccountsPerAgent = 20;

    public async Task<MyAccountsPage?> ListAsync(string userId, CancellationToken ct = default)
    {
        if (await MyAgent.FindAsync(db, userId, ct) is not { } me) return null;
        return new MyAccountsPage(me, await AgentDetailHandler.SocialAccountRows(db.SocialAccounts.Where(s => s.AgentId == me.Id), ct));
    }

    public async Task<SocialAccountEditPage?> NewAsync(string userId, SocialAccountForm? form = null, CancellationToken ct = default) =>
        await MyAgent.FindAsync(db, userId, ct) is { } me
            ? new SocialAccountEditPage(me, null, form ?? new SocialAccountForm { FollowersAsOf = Today() }, null, null, Today())
            : null;

    public async Task<SocialAccountEditPage?> EditAsync(string userId, int id, SocialAccountForm? form = null, CancellationToken ct = default)
    {
        if (await MyAgent.FindAsync(db, userId, ct) is not { } me) return null;
        var s = await db.SocialAccounts.AsNoTracking().SingleOrDefaultAsync(x => x.Id == id && x.AgentId == me.Id, ct);
        if (s is null) return null;
        form ??= new SocialAccountForm
        {
            Platform = s.Platform, Handle = s.Handle, ProfileUrl = s.ProfileUrl, Kind = s.Kind, Followers = s.Followers,
            FollowersAsOf = s.FollowersAsOf, Consent = true, Version = s.Version,
        };
        return new SocialAccountEditPage(me, s.Id, form, s.State, s.RejectionReason, Today());
    }

    /// <summary>Adds (id null) or changes one of the agent's own accounts.</summary>
    public async Task<(AccountOutcome Outcome, IReadOnlyList<FieldError> Errors)> SaveAsync(string userId, int? id, SocialAccountForm form, CancellationToken ct = default)
    {
        var me = await MyAgent.FindAsync(db, userId, ct);
        if (me is null) return (AccountOutcome.NotFound, []);
        SocialAccount? account = null;
        if (id is { } existingId)
        {
            account = await db.SocialAccounts.SingleOrDefaultAsync(s => s.Id == existingId && s.AgentId == me.Id, ct);
            if (account is null) return (AccountOutcome.NotFound, []);
        }
        if (!me.CanChangeAccounts)
            return (AccountOutcome.Invalid, [new("", l["Keikutsertaan Anda sebagai agen telah berakhir, sehingga akun media sosial tidak dapat ditambah atau diubah. Anda tetap dapat menghapusnya."])]);

        var errors = new List<FieldError>();
        var platform = form.Platform!.Value;
        var check = ProfileLinks.Check(platform, form.ProfileUrl, form.Handle);
        if (check.Problem is { } problem)
            errors.Add(new(problem.Code == ProfileLinkError.HandleMismatch ? nameof(form.Handle) : nameof(form.ProfileUrl), l[problem.Message, problem.Args]));
        var today = Today();
        if (form.Followers is not null && form.FollowersAsOf is null)
            errors.Add(new(nameof(form.FollowersAsOf), l["Isi tanggal saat jumlah pengikut itu dilihat."]));
        if (form.Followers is null && form.FollowersAsOf is not null)
            errors.Add(new(nameof(form.Followers), l["Isi jumlah pengikut, atau kosongkan tanggalnya."]));
        if (form.FollowersAsOf > today)
            errors.Add(new(nameof(form.FollowersAsOf), l["Tanggal jumlah pengikut tidak boleh setelah hari ini."]));
        if (!form.Consent)
            errors.Add(new(nameof(form.Consent), l["Centang persetujuan agar angka dari akun ini boleh diproses. Tanpa persetujuan, akun tidak dapat didaftarkan."]));
        if (account is null && await db.SocialAccounts.CountAsync(s => s.AgentId == me.Id, ct) >= MaxAccountsPerAgent)
            errors.Add(new("", l["Anda sudah mendaftarkan {0} akun, batas untuk setiap agen.", MaxAccountsPerAgent]));
        if (check.Link is { } link && await TakenMessageAsync(platform, link.Handle, me.Id, account?.Id, ct) is { } taken)
            errors.Add(new(nameof(form.Handle), taken));
        if (errors.Count > 0) return (AccountOutcome.Invalid, errors);

        var found = check.Link!;
        var now = clock.GetUtcNow().UtcDateTime;
        if (account is null)
        {
            account = new SocialAccount { AgentId = me.Id, CreatedUtc = now, State = VerificationState.Pending };
            db.SocialAccounts.Add(account);
        }
        else
        {
            db.Entry(account).Property(s => s.Version).OriginalValue = form.Version;
            var identityChanged = account.Platform != platform || account.Handle != found.Handle || account.ProfileUrl != found.Url;
            // Humas verified a particular account: a different one must be checked again. A rejected account returns to the queue on any change.
            if ((identityChanged && account.State != VerificationState.Pending) || account.State == VerificationState.Rejected)
            {
                account.State = VerificationState.Pending;
                account.RejectionReason = null;
                account.ReviewedByUserId = null;
                account.ReviewedUtc = null;
            }
        }
        account.Platform = platform;
        account.Handle = found.Handle;
        account.ProfileUrl = found.Url;
        account.Kind = form.Kind!.Value;
        account.Followers = form.Followers;
        account.FollowersAsOf = form.FollowersAsOf;
        try
        {
            await db.SaveChangesAsync(ct);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Humas decided on the account (or another tab saved it) since the page was opened: say what is stored now,
            // keep the entries and move the form onto the stored version, so saving again applies them on top of it.
            var stored = await db.SocialAccounts.AsNoTracking().Where(s => s.Id == account.Id)
                .Select(s => new { s.Version, s.State, s.RejectionReason, s.Handle }).SingleOrDefaultAsync(ct);
            if (stored is null) return (AccountOutcome.NotFound, []);
            form.Version = stored.Version;
            var state = l[AgentLabels.Verification(stored.State)].Value;
            var message = stored.RejectionReason is { Length: > 0 } reason
                ? l["Akun @{0} baru saja diubah di tempat lain: kini berstatus {1} dengan alasan \"{2}\". Perubahan Anda belum disimpan; isian Anda tetap ada di bawah. Simpan lagi untuk menerapkannya.", stored.Handle, state, reason]
                : l["Akun @{0} baru saja diubah di tempat lain: kini berstatus {1}. Perubahan Anda belum disimpan; isian Anda tetap ada di bawah. Simpan lagi untuk menerapkannya.", stored.Handle, state];
            return (AccountOutcome.Invalid, [new("", message)]);
        }
        catch (DbUpdateException)
        {
            // Someone registered the same account between the check and the save: the unique index refused it.
            db.ChangeTracker.Clear();
            if (await TakenMessageAsync(platform, found.Handle, me.Id, id, ct) is { } raced)
                return (AccountOutcome.Invalid, [new(nameof(form.Handle), raced)]);
            throw;
        }
        return (AccountOutcome.Done, []);
    }

    public async Task<bool> DeleteAsync(string userId, int id, CancellationToken ct = default)
    {
        var account = await db.SocialAccounts.SingleOrDefaultAsync(s => s.Id == id && s.Agent.UserId == userId, ct);
        if (account is null) return false;
        db.SocialAccounts.Remove(account);
        await db.SaveChangesAsync(ct);
        return true;
    }

    private async Task<string?> TakenMessageAsync(Platform platform, string handle, int agentId, int? exceptId, CancellationToken ct)
    {
        var owner = await db.SocialAccounts.AsNoTracking()
            .Where(s => s.Platform == platform && s.Handle == handle && (exceptId == null || s.Id != exceptId))
            .Select(s => (int?)s.AgentId).FirstOrDefaultAsync(ct);
        if (owner is null) return null;
        var shown = ProfileLinks.DisplayHandle(platform, handle);
        return owner == agentId
            ? l["Anda sudah mendaftarkan akun {0} {1}.", platform.ToString(), shown]
            : l["Akun {0} {1} sudah didaftarkan oleh agen lain. Bila ini benar akun Anda, hubungi Humas.", platform.ToString(), shown];
    }

    private DateOnly Today() => DateOnly.FromDateTime(display.ToLocal(clock.GetUtcNow().UtcDateTime));
}
