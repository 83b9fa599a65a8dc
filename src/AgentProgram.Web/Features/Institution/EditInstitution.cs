using System.ComponentModel.DataAnnotations;
using AgentProgram.Web.Data;
using AgentProgram.Web.Features.Admin;
using AgentProgram.Web.Features.Shared.Conflicts;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using InstitutionEntity = AgentProgram.Web.Domain.Organization.Institution;

namespace AgentProgram.Web.Features.Institution;

public sealed class InstitutionForm : ConflictGuardedForm
{
    [Required(ErrorMessage = "Nama instansi wajib diisi.")]
    [StringLength(200, ErrorMessage = "Nama instansi paling banyak 200 karakter.")]
    [Display(Name = "Nama instansi")]
    public string Name { get; set; } = "";

    [Required(ErrorMessage = "Nama singkat wajib diisi.")]
    [StringLength(50, ErrorMessage = "Nama singkat paling banyak 50 karakter.")]
    [Display(Name = "Nama singkat")]
    public string ShortName { get; set; } = "";

    [StringLength(300, ErrorMessage = "Alamat paling banyak 300 karakter.")]
    [Display(Name = "Alamat")]
    public string? Address { get; set; }

    [StringLength(100, ErrorMessage = "Nama kota paling banyak 100 karakter.")]
    [Display(Name = "Kota")]
    public string? City { get; set; }

    [StringLength(50, ErrorMessage = "Nomor telepon paling banyak 50 karakter.")]
    [Display(Name = "Telepon")]
    public string? Phone { get; set; }

    [EmailAddress(ErrorMessage = "Alamat email tidak valid.")]
    [StringLength(256, ErrorMessage = "Email paling banyak 256 karakter.")]
    [Display(Name = "Email")]
    public string? Email { get; set; }

    [StringLength(200, ErrorMessage = "Alamat situs web paling banyak 200 karakter.")]
    [Display(Name = "Situs web")]
    public string? Website { get; set; }

    [StringLength(1000, ErrorMessage = "Baris kop surat paling banyak 1.000 karakter.")]
    [Display(Name = "Baris kop surat")]
    public string? LetterheadLines { get; set; }

    [Display(Name = "Logo")]
    public IFormFile? Logo { get; set; }

    public bool RemoveLogo { get; set; }

    /// <summary>Agents may see the names (never NIPs) of a period's top agents.</summary>
    public bool ShowLeaderboardNames { get; set; }

    public int Version { get; set; }
}

/// <param name="Exists">False until the first save creates the institution's row.</param>
/// <param name="HasLogo">A logo is stored (the form's file input is always empty).</param>
public sealed record InstitutionPage(InstitutionForm Form, bool Exists, bool HasLogo, int LogoVersion, IReadOnlyList<SignatoryRow> Signatories);

public enum InstitutionOutcome { Done, Unchanged, Invalid, Conflict }

/// <summary>
/// The institution profile that letters, certificates and pages print: name, contacts, kop surat
/// lines and the logo. One row per installation; the first save creates it.
/// </summary>
public sealed class EditInstitutionHandler(AppDbContext db, IConfiguration config, ConflictService conflicts, IStringLocalizer<SharedResource> l)
{
    public const int MaxLetterheadLines = 6;

    public async Task<InstitutionPage> LoadAsync(InstitutionForm? form = null, CancellationToken ct = default)
    {
        var row = await db.Institutions.AsNoTracking().OrderBy(i => i.Id)
            .Select(i => new { i.Name, i.ShortName, i.Address, i.City, i.Phone, i.Email, i.Website, i.LetterheadLines, HasLogo = i.Logo != null, i.ShowLeaderboardNames, i.Version })
            .FirstOrDefaultAsync(ct);
        if (form is null)
        {
            form = row is null
                ? new InstitutionForm { Name = config["Institution:Name"] ?? "", ShortName = config["Institution:ShortName"] ?? "" }
                : new InstitutionForm
                {
                    Name = row.Name, ShortName = row.ShortName, Address = row.Address, City = row.City, Phone = row.Phone, Email = row.Email,
                    Website = row.Website, LetterheadLines = row.LetterheadLines, ShowLeaderboardNames = row.ShowLeaderboardNames, Version = row.Version,
                };
            conflicts.Start(form, InstitutionConflictFields.Describe(form, l));
        }
        var signatories = await EditSignatoryHandler.ListAsync(db, ct);
        return new InstitutionPage(form, row is not null, row?.HasLogo ?? false, row?.Version ?? 0, signatories);
    }

    public async Task<(InstitutionOutcome Outcome, IReadOnlyList<FieldError> Errors)> SaveAsync(InstitutionForm form, CancellationToken ct = default)
    {
        var errors = new List<FieldError>();
        var website = NormalizeWebsite(form.Website);
        if (website is null) errors.Add(new(nameof(form.Website), l["Alamat situs web tidak valid. Tulis lengkap, misalnya https://diskominfo.contohkota.go.id."]));
        var lines = NormalizeLines(form.LetterheadLines);
        if (lines.Count > MaxLetterheadLines)
            errors.Add(new(nameof(form.LetterheadLines), l["Kop surat paling banyak {0} baris; sekarang {1} baris.", MaxLetterheadLines, lines.Count]));
        var (logo, logoError) = await ReadLogoAsync(form.Logo, ct);
        if (logoError is not null) errors.Add(new(nameof(form.Logo), logoError));
        if (errors.Count > 0) return (InstitutionOutcome.Invalid, errors);

        var institution = await db.Institutions.OrderBy(i => i.Id).FirstOrDefaultAsync(ct);
        if (institution is null)
        {
            // Created at version 1, so that a second administrator who also opened the empty profile gets the conflict, not an overwrite.
            institution = new InstitutionEntity { Version = 1 };
            db.Institutions.Add(institution);
        }
        else
        {
            db.Entry(institution).Property(i => i.Version).OriginalValue = form.Version;
        }

        institution.Name = form.Name.Trim();
        institution.ShortName = form.ShortName.Trim();
        institution.Address = Clean(form.Address);
        institution.City = Clean(form.City);
        institution.Phone = Clean(form.Phone);
        institution.Email = Clean(form.Email);
        institution.Website = website == "" ? null : website;
        institution.LetterheadLines = lines.Count == 0 ? null : string.Join("\n", lines);
        institution.ShowLeaderboardNames = form.ShowLeaderboardNames;
        if (logo is not null)
        {
            institution.Logo = logo.Value.Bytes;
            institution.LogoContentType = logo.Value.ContentType;
        }
        else if (form.RemoveLogo)
        {
            institution.Logo = null;
            institution.LogoContentType = null;
        }

        if (!db.ChangeTracker.HasChanges()) return (InstitutionOutcome.Unchanged, []);
        try
        {
            await db.SaveChangesAsync(ct);
            return (InstitutionOutcome.Done, []);
        }
        catch (DbUpdateConcurrencyException)
        {
            // Another administrator saved first: show what changed and keep the entries on top of the stored version.
            db.ChangeTracker.Clear();
            var stored = (await LoadAsync(ct: ct)).Form;
            var note = form.Logo is not null ? l["Berkas logo yang Anda pilih belum tersimpan: pilih lagi sebelum menyimpan."].Value : null;
            conflicts.Resolve(form, stored, f => InstitutionConflictFields.Describe(f, l), note);
            form.Version = stored.Version;
            return (InstitutionOutcome.Conflict, []);
        }
    }

    /// <summary>Null (no change) for no file; the bytes and the type read from them; or what is wrong with the file.</summary>
    private async Task<((byte[] Bytes, string ContentType)? Logo, string? Error)> ReadLogoAsync(IFormFile? file, CancellationToken ct)
    {
        if (file is null) return (null, null);
        if (file.Length == 0) return (null, l["Berkas logo kosong. Pilih berkas PNG atau JPEG."]);
        if (file.Length > LogoImage.MaxBytes)
            return (null, l["Berkas logo terlalu besar ({0} KB). Ukuran paling besar {1} KB: perkecil atau kompres gambarnya lebih dulu.",
                Math.Ceiling(file.Length / 1024d), LogoImage.MaxBytes / 1024]);

        using var buffer = new MemoryStream((int)file.Length);
        await using (var stream = file.OpenReadStream()) await stream.CopyToAsync(buffer, ct);
        var bytes = buffer.ToArray();
        var facts = LogoImage.Read(bytes);
        if (facts is null)
            return (null, LogoImage.LooksLikeImage(bytes)
                ? l["Berkas logo rusak: kepala gambarnya tidak terbaca. Simpan ulang gambar sebagai PNG atau JPEG lalu unggah lagi."]
                : l["Logo harus berupa gambar PNG atau JPEG. Isi berkas ini bukan gambar PNG atau JPEG, apa pun nama berkasnya."]);
        if (facts.Width < LogoImage.MinSide || facts.Height < LogoImage.MinSide)
            return (null, l["Logo terlalu kecil ({0}×{1} piksel). Gunakan gambar minimal {2}×{2} piksel agar tetap tajam di kop surat.", facts.Width, facts.Height, LogoImage.MinSide]);
        if (facts.Width > LogoImage.MaxSide || facts.Height > LogoImage.MaxSide)
            return (null, l["Logo terlalu besar ({0}×{1} piksel). Perkecil gambar menjadi paling besar {2} piksel per sisi.", facts.Width, facts.Height, LogoImage.MaxSide]);
        return ((bytes, facts.ContentType), null);
    }

    /// <summary>"" for blank, the absolute http(s) address (https:// added when the scheme is missing), or null when invalid.</summary>
    internal static string? NormalizeWebsite(string? text)
    {
        if (string.IsNullOrWhiteSpace(text)) return "";
        var s = text.Trim();
        if (!s.Contains("://", StringComparison.Ordinal)) s = "https://" + s;
        return Uri.TryCreate(s, UriKind.Absolute, out var uri) && uri.Scheme is "http" or "https" && uri.Host.Contains('.', StringComparison.Ordinal)
            ? s
            : null;
    }

    internal static List<string> NormalizeLines(string? text) =>
        string.IsNullOrWhiteSpace(text)
            ? []
            : text.ReplaceLineEndings("\n").Split('\n').Select(s => s.Trim()).SkipWhile(s => s.Length == 0).Reverse().SkipWhile(s => s.Length == 0).Reverse().ToList();

    private static string? Clean(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}

/// <summary>The institution form's fields as a person reads them, for the "what changed" report (the logo file is not a field to compare).</summary>
internal static class InstitutionConflictFields
{
    public static IReadOnlyList<ConflictField> Describe(InstitutionForm f, IStringLocalizer l) =>
    [
        new(nameof(f.Name), l["Nama instansi"], Text(f.Name)),
        new(nameof(f.ShortName), l["Nama singkat"], Text(f.ShortName)),
        new(nameof(f.City), l["Kota"], Text(f.City)),
        new(nameof(f.Address), l["Alamat"], Text(f.Address)),
        new(nameof(f.Phone), l["Telepon"], Text(f.Phone)),
        new(nameof(f.Email), l["Email"], Text(f.Email)),
        new(nameof(f.Website), l["Situs web"], Text(f.Website)),
        new(nameof(f.LetterheadLines), l["Baris kop surat"], Text(string.Join("\n", EditInstitutionHandler.NormalizeLines(f.LetterheadLines)))),
        new(nameof(f.ShowLeaderboardNames), l["Tampilkan nama peringkat teratas kepada agen"], f.ShowLeaderboardNames ? l["Ya"].Value : l["Tidak"].Value),
    ];

    private static string? Text(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}

/// <summary>The stored logo, for pages and documents.</summary>
public sealed record StoredLogo(byte[] Bytes, string ContentType);

public sealed class ServeLogoHandler(AppDbContext db)
{
    public async Task<StoredLogo?> LoadAsync(CancellationToken ct = default) =>
        await db.Institutions.AsNoTracking().OrderBy(i => i.Id)
            .Where(i => i.Logo != null && i.LogoContentType != null)
            .Select(i => new StoredLogo(i.Logo!, i.LogoContentType!))
            .FirstOrDefaultAsync(ct);
}
