using AgentProgram.Web.Infrastructure.Pdf.Components;

namespace AgentProgram.Web.Features.Documents.Certificates;

/// <summary>
/// Piagam Penghargaan for one recognised agent (DOMAIN.md §7 allowed output 1), signed by the head of the
/// institution. Read top to bottom: logo and <see cref="InstitutionName"/>, <see cref="Title"/>, (number from the
/// stamp), <see cref="GivenTo"/>, <see cref="RecipientName"/> (large), <see cref="RecipientNip"/>,
/// <see cref="Position"/>, <see cref="Unit"/>, <see cref="Reason"/>, signature.
/// </summary>
/// <param name="Subject">For the verification page: name and period; never the NIP.</param>
public sealed record CertificateModel(
    DateOnly IssuedOn,
    int PeriodId,
    string PeriodName,
    DateOnly PeriodStart,
    DateOnly PeriodEnd,
    LetterheadModel Letterhead,
    SignatureModel? Signature,
    string InstitutionName,
    string Title,
    string GivenTo,
    int AgentId,
    string RecipientName,
    string RecipientNip,
    string Position,
    string Unit,
    string Reason,
    string Subject,
    string SubjectKey);

/// <summary>The certificate's Indonesian wording.</summary>
public static class CertificateWording
{
    public const string Title = "PIAGAM PENGHARGAAN";
    public const string GivenTo = "diberikan kepada";

    /// <summary>{0} institution, {1} period, {2} dates.</summary>
    public const string Reason =
        "atas partisipasi aktif sebagai Agen Komunikasi {0} dalam menyebarluaskan informasi kebijakan pemerintah pada periode {1} ({2}).";
    public const string ReasonNoInstitution =
        "atas partisipasi aktif sebagai Agen Komunikasi dalam menyebarluaskan informasi kebijakan pemerintah pada periode {1} ({2}).";

    /// <summary>{0} name, {1} period.</summary>
    public const string Subject = "Piagam Penghargaan {0}, periode {1}";
}
