namespace AgentProgram.Web.Infrastructure.Pdf.Components;

/// <summary>
/// What finalisation adds to a document. A draft has no number and no verification code and carries the
/// diagonal KONSEP watermark; a finalised document carries its number, a QR code with the short code that opens
/// /verifikasi/{code}, and the BSrE footer only when it was recorded as signed electronically (DOMAIN.md §9).
/// </summary>
public sealed record DocumentStamp(
    string? Number,
    string? VerificationCode,
    string? VerificationUrl,
    DateOnly IssuedOn,
    bool SignedElectronically)
{
    public bool IsDraft => VerificationCode is null;

    public static DocumentStamp Draft(DateOnly issuedOn) => new(null, null, null, issuedOn, false);
}

/// <summary>The kop surat (letterhead) of the institution: page 1 of a letter only.</summary>
/// <param name="ParentLines">Lines above the institution's name (the parent ministry or regional government).</param>
/// <param name="Logo">PNG or JPEG bytes, or null.</param>
public sealed record LetterheadModel(
    string InstitutionName,
    IReadOnlyList<string> ParentLines,
    string? Address,
    string? Contacts,
    byte[]? Logo);

/// <summary>
/// A signature block: the place and date line, the signer's position title, room for the signature, the full name
/// with degrees, "pangkat, gol." and "NIP 19860926 201505 1 001". Eselon I signers omit rank and NIP (both null).
/// </summary>
public sealed record SignatureModel(
    string PlaceAndDate,
    string PositionTitle,
    string Name,
    string? RankAndGrade,
    string? FormattedNip);
