using System.Globalization;
using AgentProgram.Web.Data;
using AgentProgram.Web.Domain.Employees;
using AgentProgram.Web.Domain.Organization;
using AgentProgram.Web.Domain.Rewards;
using AgentProgram.Web.Features.Documents.Shared;
using AgentProgram.Web.Infrastructure.Pdf.Components;

namespace AgentProgram.Web.Features.Documents.Letters;

/// <summary>
/// Builds the Surat Rekomendasi of each agent of a period's current run with a promotion, study or development
/// recommendation: one letter per agent covering all its recommendations, signed by the head of Humas.
/// </summary>
public sealed class RecommendationLetterModelHandler(AppDbContext db, OfficialPartsHandler parts)
{
    private static readonly CultureInfo Indonesian = CultureInfo.GetCultureInfo("id-ID");

    /// <summary>The letter of one agent; null when the period, its run or a recommendation of the agent does not exist.</summary>
    public async Task<RecommendationLetterModel?> BuildOneAsync(int periodId, int agentId, DateOnly issuedOn, CancellationToken ct = default)
    {
        var all = await BuildAsync(periodId, agentId, issuedOn, ct);
        return all is { Count: > 0 } ? all[0] : null;
    }

    /// <summary>Every letter of the period, by rank; null when the period or its run does not exist.</summary>
    public Task<IReadOnlyList<RecommendationLetterModel>?> BuildAllAsync(int periodId, DateOnly issuedOn, CancellationToken ct = default) =>
        BuildAsync(periodId, null, issuedOn, ct);

    private async Task<IReadOnlyList<RecommendationLetterModel>?> BuildAsync(int periodId, int? agentId, DateOnly issuedOn, CancellationToken ct)
    {
        var info = await PeriodRunInfo.LoadAsync(db, periodId, ct);
        if (info is null) return null;
        var agents = await RunAgents.LoadAsync(db, info.RunId, DocumentTexts.RecommendationOutcomes, agentId, ct);
        if (agents.Count == 0) return [];

        var letterhead = await parts.LetterheadAsync(ct);
        var signature = await parts.SignatureAsync(SignatoryRole.HeadOfPublicRelations, issuedOn, ct);
        var hr = await parts.SignatureAsync(SignatoryRole.HeadOfHumanResources, issuedOn, ct);
        var studyKind = DocumentTexts.StudyKindOf(info.RulesJson);
        var signer = SignerFields(signature);
        var letters = new List<RecommendationLetterModel>(agents.Count);
        foreach (var a in agents)
            letters.Add(Letter(info, a, issuedOn, letterhead, signature, hr, signer, studyKind));
        return letters;
    }

    /// <summary>Pure: one agent's letter.</summary>
    public static RecommendationLetterModel Letter(PeriodRunInfo info, RunAgent agent, DateOnly issuedOn, LetterheadModel letterhead,
        SignatureModel? signature, SignatureModel? humanResources, IReadOnlyList<LetterField> signer, StudyKind studyKind)
    {
        ArgumentNullException.ThrowIfNull(info);
        ArgumentNullException.ThrowIfNull(agent);
        ArgumentNullException.ThrowIfNull(letterhead);
        var recommendations = agent.Outcomes & DocumentTexts.RecommendationOutcomes;
        if (agent.EmploymentType.IsPppk()) recommendations &= ~RewardOutcomes.PromotionRecommendation;
        var phrases = DocumentTexts.JoinAnd(DocumentTexts.RecommendationPhrases(recommendations, studyKind));
        var promotion = recommendations.HasFlag(RewardOutcomes.PromotionRecommendation);
        var institution = letterhead.InstitutionName;
        var hrTitle = string.IsNullOrWhiteSpace(humanResources?.PositionTitle) ? LetterWording.HumanResourcesFallback : humanResources.PositionTitle;

        IReadOnlyList<string> addressee = promotion
            ? [F(LetterWording.AddresseePromotion, institution).TrimEnd(), LetterWording.AddresseePlace]
            : [F(LetterWording.AddresseeTo, hrTitle), LetterWording.AddresseePlace];
        IReadOnlyList<string> copies = promotion ? [hrTitle] : [];

        IReadOnlyList<LetterField> recommended =
        [
            new(DocumentTexts.LabelName, agent.Name),
            new(DocumentTexts.LabelNip, Nip.FormatForDisplay(agent.Nip)),
            DocumentTexts.GradeField(agent.EmploymentType, agent.GolonganCode),
            new(DocumentTexts.LabelPosition, DocumentTexts.Text(agent.PositionName)),
            new(DocumentTexts.LabelUnit, agent.UnitName ?? DocumentTexts.NoUnit),
        ];
        IReadOnlyList<string> body =
        [
            F(LetterWording.Consider, phrases) + " " + (promotion ? LetterWording.PromotionAuthority : LetterWording.OtherAuthority),
            F(LetterWording.Basis, institution, info.PeriodName, DocumentTexts.PeriodDates(info.Start, info.End),
                DocumentTexts.Score(agent.Score), DocumentTexts.Count(agent.Rank ?? 0), DocumentTexts.Count(info.Ranked)),
            LetterWording.LetterClosing,
        ];
        return new RecommendationLetterModel(
            issuedOn, info.PeriodId, info.PeriodName, info.Start, info.End, letterhead, signature,
            LetterWording.LetterTitle, addressee, LetterWording.Opening, signer, LetterWording.Recommends, recommended, body, copies,
            agent.AgentId, agent.EmploymentType, recommendations,
            F(LetterWording.LetterSubject, agent.Name, info.PeriodName, phrases),
            SubjectKeys.Recommendation(info.PeriodId, agent.AgentId));
    }

    /// <summary>The undersigned's lines from the signature block; blanks to fill in when no head of Humas is recorded.</summary>
    public static IReadOnlyList<LetterField> SignerFields(SignatureModel? signature)
    {
        if (signature is null)
            return
            [
                new(DocumentTexts.LabelName, DocumentTexts.Placeholder),
                new(DocumentTexts.LabelNip, DocumentTexts.Placeholder),
                new(DocumentTexts.LabelRankAndGrade, DocumentTexts.Placeholder),
                new(DocumentTexts.LabelPosition, DocumentTexts.Placeholder),
            ];
        var list = new List<LetterField> { new(DocumentTexts.LabelName, signature.Name) };
        if (signature.FormattedNip is not null) list.Add(new(DocumentTexts.LabelNip, signature.FormattedNip));
        if (signature.RankAndGrade is not null) list.Add(new(DocumentTexts.LabelRankAndGrade, signature.RankAndGrade));
        list.Add(new(DocumentTexts.LabelPosition, signature.PositionTitle));
        return list;
    }

    private static string F(string format, params object[] args) => string.Format(Indonesian, format, args);
}
