using AgentProgram.Web.Data;
using Microsoft.EntityFrameworkCore;

namespace AgentProgram.Web.Features.Institution;

public sealed class DeleteSignatoryHandler(AppDbContext db)
{
    /// <summary>The deleted signatory's name, or null when there is no such signatory. The audit trail keeps the old values.</summary>
    public async Task<string?> HandleAsync(int id, CancellationToken ct = default)
    {
        var signatory = await db.Signatories.SingleOrDefaultAsync(s => s.Id == id, ct);
        if (signatory is null) return null;
        db.Signatories.Remove(signatory);
        await db.SaveChangesAsync(ct);
        return signatory.Name;
    }
}
