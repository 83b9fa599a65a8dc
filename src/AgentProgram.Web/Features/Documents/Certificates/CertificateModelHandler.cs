using System.Globalization;
using AgentProgram.Web.Data;
using AgentProgram.Web.Domain.Employees;
using AgentProgram.Web.Domain.Organization;
using AgentProgram.Web.Domain.Rewards;
using AgentProgram.Web.Features.Documents.Letters;
using AgentProgram.Web.Features.Documents.Shared;
using AgentProgram.Web.Infrastructure.Pdf.Components;

namespace AgentProgram.Web.Features.Documents.Certificates;

/// <summary>Builds the Piagam Penghargaan of each agent of a period's current run with the Recognition outcome.</summary>
public sealed class CertificateModelHandler(AppDbContext db, OfficialPartsHandler parts)
{
    private static readonly CultureInfo Indonesian = CultureInfo.GetCultureInfo("id-ID");

    /// <summary>One agent's certificate; null when the period, its run or the agent's recognition does not exist.</summary>
    public async Task<CertificateModel?> BuildOneAsync(int periodId, int agentId, DateOnly issuedOn, CancellationToken ct = default)
    {
        var all = await BuildAsync(periodId, agentId, issuedOn, ct);
        return all is { Count: > 0 } ? all[0] : null;
    }

    /// <summary>Every certificate of the period, by rank; null when the period or its run does not exist.</summary>
    public Task<IReadOnlyList<CertificateModel>?> BuildAllAsync(int periodId, DateOnly issuedOn, CancellationToken ct = default) =>
        BuildAsync(periodId, null, issuedOn, ct);

    private async Task<IReadOnlyList<CertificateModel>?> BuildAsync(int periodId, int? agentId, DateOnly issuedOn, CancellationToken ct)
    {
        var info = await PeriodRunInfo.LoadAsync(db, periodId, ct);
        if (info is null) return null;
        var agents = await RunAgents.LoadAsync(db, info.RunId, RewardOutcomes.Recognition, agentId, ct);
        if (agents.Count == 0) return [];
        var letterhead = await parts.LetterheadAsync(ct);
        var signature = await parts.SignatureAsync(SignatoryRole.HeadOfInstitution, issuedOn, ct);
        var list = new List<CertificateModel>(agents.Count);
        foreach (var a in agents) list.Add(Certificate(info, a, issuedOn, letterhead, signature));
        return list;
    }

    /// <summary>Pure: one agent's certificate.</summary>
    public static CertificateModel Certificate(PeriodRunInfo info, RunAgent agent, DateOnly issuedOn, LetterheadModel letterhead, SignatureModel? signature)
    {
        ArgumentNullException.ThrowIfNull(info);
        ArgumentNullException.ThrowIfNull(agent);
        ArgumentNullException.ThrowIfNull(letterhead);
        var institution = letterhead.InstitutionName;
        var reason = DocumentTexts.Format(string.IsNullOrWhiteSpace(institution) ? CertificateWording.ReasonNoInstitution : CertificateWording.Reason,
            institution, info.PeriodName, DocumentTexts.PeriodDates(info.Start, info.End));
        return new CertificateModel(
            issuedOn, info.PeriodId, info.PeriodName, info.Start, info.End, letterhead, signature, institution,
            CertificateWording.Title, CertificateWording.GivenTo, agent.AgentId, agent.Name, Nip.FormatForDisplay(agent.Nip),
            DocumentTexts.Text(agent.PositionName), agent.UnitName ?? DocumentTexts.NoUnit, reason,
            DocumentTexts.Format(CertificateWording.Subject, agent.Name, info.PeriodName),
            SubjectKeys.Certificate(info.PeriodId, agent.AgentId));
    }
}
