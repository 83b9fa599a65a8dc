using AgentProgram.Web.Data;
using AgentProgram.Web.Domain.Documents;
using Microsoft.EntityFrameworkCore;

namespace AgentProgram.Web.Features.Verification;

/// <summary>What the public verification page may show of a finalised document: nothing more (issue 7).</summary>
public sealed record VerifiedDocument(DocumentKind Kind, string Number, DateOnly IssuedOn, string? SignerName, string? SignerTitle,
    string Subject, bool SignedElectronically, string Code);

/// <summary>Looks a finalised document up by the short code printed under its QR code.</summary>
public sealed class DocumentVerificationHandler(AppDbContext db)
{
    public async Task<VerifiedDocument?> FindAsync(string? typedCode, CancellationToken ct = default)
    {
        if (DocumentNumbering.NormalizeCode(typedCode) is not { } code) return null;
        return await db.IssuedDocuments.AsNoTracking().Where(d => d.VerificationCode == code)
            .Select(d => new VerifiedDocument(d.Kind, d.Number, d.IssuedOn, d.SignerName, d.SignerTitle, d.Subject, d.SignedElectronically, d.VerificationCode))
            .SingleOrDefaultAsync(ct);
    }
}
