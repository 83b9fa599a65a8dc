using AgentProgram.Web.Data;
using AgentProgram.Web.Domain.Rewards;

namespace AgentProgram.Web.Features.Rewards;

/// <summary>The outcome of pressing "Hitung": the run made, or why nothing was done (Indonesian localizer key + args).</summary>
public sealed record CalculationOutcome(RewardRun? Run, string? Refusal = null, object[]? RefusalArgs = null)
{
    public bool Done => Run is not null;
}

/// <summary>Computes a reward period (in progress: the lead is writing it).</summary>
public sealed class RewardCalculationService(AppDbContext db)
{
    /// <summary>
    /// Calculates (or recalculates) a period whose state is Open or Calculated and whose Version equals
    /// <paramref name="expectedVersion"/>; one transaction; two presses at once give one result set
    /// (the second is refused with a message). Uses the scheme's newest approved version.
    /// </summary>
    public Task<CalculationOutcome> CalculateAsync(int periodId, int expectedVersion, string? userId, CancellationToken ct = default)
    {
        _ = db;
        throw new NotImplementedException();
    }
}
