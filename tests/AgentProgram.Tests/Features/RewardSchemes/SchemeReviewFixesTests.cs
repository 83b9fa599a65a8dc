using System.Globalization;
using System.Net;
using AgentProgram.Web.Domain.Identity;
using AgentProgram.Web.Domain.Reports;
using AgentProgram.Web.Domain.Rewards;
using AgentProgram.Web.Features.RewardSchemes;
using Microsoft.Extensions.Localization;
using static AgentProgram.Tests.Features.Agents.AgentTestKit;
using static AgentProgram.Tests.Features.RewardSchemes.SchemeTestKit;

namespace AgentProgram.Tests.Features.RewardSchemes;

/// <summary>Review fixes on schemes: number reading, evidence order, per-period budget label, four eyes, approval wording.</summary>
public sealed class SchemeReviewFixesTests(AppFactory app) : IClassFixture<AppFactory>
{
    /// <summary>Returns the key itself (formatted): the Indonesian text.</summary>
    private sealed class KeyLocalizer : IStringLocalizer
    {
        public LocalizedString this[string name] => new(name, name);
        public LocalizedString this[string name, params object[] arguments] => new(name, string.Format(CultureInfo.InvariantCulture, name, arguments));
        public IEnumerable<LocalizedString> GetAllStrings(bool includeParentCultures) => [];
    }

    private static (RewardRules? Rules, List<AgentProgram.Web.Features.Admin.FieldError> Errors) Read(Action<RulesForm> change)
    {
        var form = RulesForm.From(RewardRules.Default, 0);
        change(form);
        var (rules, errors, _) = form.ToRules(new KeyLocalizer());
        return (rules, errors);
    }

    [Theory]
    [InlineData("Rp1.000.000,00", 1_000_000)]
    [InlineData("Rp 1.000.000", 1_000_000)]
    [InlineData("1.000.000", 1_000_000)]
    [InlineData("1000000", 1_000_000)]
    [InlineData("1.000.000,0", 1_000_000)]
    [InlineData("rp750.000", 750_000)]
    public void Rupiah_amounts_are_read_the_Indonesian_way(string typed, long expected)
    {
        var (rules, errors) = Read(f => f.Incentive.Budget = typed);
        Assert.Empty(errors);
        Assert.Equal(expected, rules!.Incentive.Budget);
    }

    [Theory]
    [InlineData("1.000,50", "tidak memakai sen")]
    [InlineData("Rp1.000.000,05", "tidak memakai sen")]
    [InlineData("1,000,000", "titik sebagai pemisah ribuan")]
    [InlineData("1.000.00", "titik sebagai pemisah ribuan")]
    [InlineData("1.5", "titik sebagai pemisah ribuan")]
    [InlineData("1,000", "titik sebagai pemisah ribuan")]
    [InlineData("satu juta", "titik sebagai pemisah ribuan")]
    public void Sen_and_ambiguous_rupiah_amounts_are_refused_beside_the_field(string typed, string message)
    {
        var (rules, errors) = Read(f => f.Incentive.Budget = typed);
        Assert.Null(rules);
        var error = Assert.Single(errors);
        Assert.Equal("Incentive.Budget", error.Field);
        Assert.Contains(message, error.Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("0,5", "0.5")]
    [InlineData("0.5", "0.5")]
    [InlineData("12.25", "12.25")]
    [InlineData("1.000", "1000")]
    [InlineData("1.000,5", "1000.5")]
    [InlineData("0,001", "0.001")]
    [InlineData("-2,5", "-2.5")]
    public void Decimals_read_comma_as_the_decimal_mark_and_dots_as_thousands(string typed, string expected)
    {
        var (rules, errors) = Read(f => f.PointsPerShare = typed);
        Assert.Empty(errors);
        Assert.Equal(decimal.Parse(expected, CultureInfo.InvariantCulture), rules!.PointsPerShare);
    }

    [Theory]
    [InlineData("0.001")]
    [InlineData("1.0000")]
    [InlineData("1,2,3")]
    [InlineData("1.2.3")]
    [InlineData(".5")]
    [InlineData("abc")]
    public void Ambiguous_decimals_are_refused_not_guessed(string typed)
    {
        var (rules, errors) = Read(f => f.PointsPerShare = typed);
        Assert.Null(rules);
        Assert.Equal("PointsPerShare", Assert.Single(errors).Field);
    }

    [Fact]
    public void A_form_shows_decimals_as_the_parser_reads_them_so_a_round_trip_keeps_the_rules()
    {
        var rules = RewardRules.Default with { PointsPerShare = 1000.5m, Incentive = RewardRules.Default.Incentive with { Budget = 12_500_000 } };
        var (read, errors, _) = RulesForm.From(rules, 0).ToRules(new KeyLocalizer());
        Assert.Empty(errors);
        Assert.Equal(1000.5m, read!.PointsPerShare);
        Assert.Equal(12_500_000, read.Incentive.Budget);
    }

    private static RewardRules WithEvidence(params (MetricSource Source, int Percent)[] changes) => RewardRules.Default with
    {
        EvidenceFactors = [.. RewardRules.Default.EvidenceFactors.Select(f => changes.FirstOrDefault(c => c.Source == f.Source) is { Source: not 0 } c ? f with { Percent = c.Percent } : f)],
    };

    private static string FieldOf(MetricSource source) =>
        $"EvidenceFactors[{RewardRules.Default.EvidenceFactors.ToList().FindIndex(f => f.Source == source)}].Percent";

    [Fact]
    public void Stronger_evidence_never_counts_less_than_weaker_evidence()
    {
        Assert.Empty(RewardRulesCheck.Check(RewardRules.Default));
        Assert.Empty(RewardRulesCheck.Check(WithEvidence((MetricSource.Screenshot, 90), (MetricSource.SelfReported, 90))));

        var screenshot = Assert.Single(RewardRulesCheck.Check(WithEvidence((MetricSource.Screenshot, 95))));
        Assert.Equal(FieldOf(MetricSource.Screenshot), screenshot.Field);
        Assert.Equal(RewardRulesTexts.EvidenceOrder, screenshot.Message);
        Assert.Contains("(95%)", screenshot.ToIndonesian(), StringComparison.Ordinal);
        Assert.Contains("(90%)", screenshot.ToIndonesian(), StringComparison.Ordinal);

        Assert.Equal(FieldOf(MetricSource.SelfReported), Assert.Single(RewardRulesCheck.Check(WithEvidence((MetricSource.SelfReported, 75)))).Field);
        // CSV imports and API-verified counts both outrank public counters.
        Assert.Equal(FieldOf(MetricSource.PublicCounter), Assert.Single(RewardRulesCheck.Check(WithEvidence((MetricSource.CsvImport, 80)))).Field);
        Assert.Equal(FieldOf(MetricSource.PublicCounter), Assert.Single(RewardRulesCheck.Check(WithEvidence((MetricSource.ApiVerified, 85)))).Field);
    }

    private static string Url(int scheme, int number, string? step = null) =>
        $"/skema-penghargaan/{scheme}/versi/{number}" + (step is null ? "" : "/" + step);

    [Fact]
    public async Task The_edit_form_labels_the_budget_per_period_and_explains_it_caps_each_periods_total()
    {
        var (_, humas) = await app.StaffAsync(Roles.Humas);
        var id = await humas.CreateSchemeAsync("Skema Pagu " + Guid.NewGuid().ToString("N")[..6]);

        var html = WebUtility.HtmlDecode(await humas.GetHtmlAsync(Url(id, 1, "ubah")));
        Assert.Contains("Pagu anggaran per periode (Rp)", html);
        Assert.Contains("Total insentif setiap periode tidak pernah melebihi pagu ini", html);

        var fields = await humas.EditFieldsAsync(Url(id, 1, "ubah"));
        fields["Incentive.Enabled"] = "true";
        fields["Incentive.LegalBasis"] = "Perwali 1/2026";
        fields["Incentive.BudgetLine"] = "5.1.02";
        fields["Incentive.Budget"] = "Rp1.000.000,00";
        fields["Incentive.Tiers[0].FromRank"] = "1";
        fields["Incentive.Tiers[0].ToRank"] = "1";
        fields["Incentive.Tiers[0].Amount"] = "500.000";
        Assert.Equal(HttpStatusCode.Redirect, (await humas.PostEditAsync(Url(id, 1, "ubah"), fields)).StatusCode);
        Assert.Equal(1_000_000, (await app.VersionAsync(id, 1)).Rules.Incentive.Budget);

        var page = WebUtility.HtmlDecode(await humas.GetHtmlAsync(Url(id, 1)));
        Assert.Contains("Pagu anggaran per periode", page);
        Assert.Equal(["Rp 1.000.000"], TextsOf(page, "incentive-budget"));
        Assert.Contains("Total insentif setiap periode tidak pernah melebihi pagu anggaran per periode", page);
    }

    private static async Task SubmitAsync(HttpClient humas, int scheme, int number)
    {
        var html = await humas.GetHtmlAsync(Url(scheme, number));
        var version = System.Text.RegularExpressions.Regex.Match(html, "action=\"[^\"]*/ajukan\"[^>]*>\\s*<input type=\"hidden\" name=\"Version\" value=\"(\\d+)\"").Groups[1].Value;
        Assert.Equal(HttpStatusCode.Redirect, (await humas.PostFormAsync(Url(scheme, number), Url(scheme, number, "ajukan"), ("ChangeNote", "Versi awal."), ("Version", version))).StatusCode);
    }

    [Fact]
    public async Task A_Pimpinan_cannot_approve_a_version_they_created_and_the_approval_explains_which_periods_use_it()
    {
        var both = await app.CreateUserAsync(Roles.Humas, Roles.Pimpinan);
        var client = await app.SignInAsAsync(both.Email!);
        var id = await client.CreateSchemeAsync("Skema Empat Mata " + Guid.NewGuid().ToString("N")[..6]);
        await SubmitAsync(client, id, 1);
        var v = await app.VersionAsync(id, 1);
        Assert.Equal(both.Id, v.CreatedByUserId);
        var version = v.Version.ToString(CultureInfo.InvariantCulture);

        var own = await client.PostFormAsync(Url(id, 1, "setujui"), Url(id, 1, "setujui"), ("Version", version));
        Assert.Equal(HttpStatusCode.OK, own.StatusCode);
        Assert.Contains("Anda yang membuat versi ini, sehingga tidak dapat menyetujuinya sendiri.", await HtmlOf(own));
        Assert.Equal(SchemeVersionState.Submitted, (await app.VersionAsync(id, 1)).State);

        var (_, other) = await app.StaffAsync(Roles.Pimpinan);
        var confirm = WebUtility.HtmlDecode(await other.GetHtmlAsync(Url(id, 1, "setujui")));
        Assert.Contains("Setiap periode memakai versi skema dari perhitungan pertamanya", confirm);
        Assert.Contains("kecuali Humas mencentang “Gunakan versi skema terbaru”", confirm);
        Assert.DoesNotContain("periode penghargaan berikutnya dihitung dengannya", confirm);
        var approved = await other.PostFormAsync(Url(id, 1, "setujui"), Url(id, 1, "setujui"), ("Version", version));
        Assert.Equal(HttpStatusCode.Redirect, approved.StatusCode);
        Assert.Equal(SchemeVersionState.Approved, (await app.VersionAsync(id, 1)).State);
        var flash = WebUtility.HtmlDecode(await other.GetHtmlAsync(SchemeTestKit.LocationOf(approved)));
        Assert.Contains("periode yang sudah dihitung tetap memakai versinya", flash);
    }
}
