using System.Net;
using System.Text.RegularExpressions;
using AgentProgram.Web.Domain.Documents;
using AgentProgram.Web.Domain.Identity;
using Microsoft.EntityFrameworkCore;
using static AgentProgram.Tests.Features.Employees.OrgTestKit;

namespace AgentProgram.Tests.Features.Institution;

/// <summary>The administrator's number patterns: shown with the next number, validated, saved, never merged over a newer save.</summary>
public sealed partial class DocumentNumberFormatTests(AppFactory app) : IClassFixture<AppFactory>
{
    private const string Page = "/admin/instansi/penomoran";

    private static string StampOf(string html) => StampField().Match(html).Groups[1].Value;

    private static (string, string)[] Fields(string stamp, params (DocumentKind Kind, string Pattern)[] patterns) =>
        [("Stamp", stamp), .. patterns.Select(p => ("Pattern_" + p.Kind, p.Pattern))];

    [Fact]
    public async Task The_page_shows_each_kind_with_its_pattern_and_next_number()
    {
        var client = await app.SignedInClientAsync(Roles.Administrator);
        var html = Decode(await client.GetHtmlAsync(Page));
        Assert.Contains("Surat Rekomendasi", html);
        Assert.Contains("value=\"B-{seq}/KP.07/{month}/{year}\"", html);
        Assert.Matches(@"<code>B-\d+/KP\.07/\d\d/20\d\d</code>", html);
    }

    [Fact]
    public async Task A_bad_pattern_is_explained_and_nothing_is_saved()
    {
        var client = await app.SignedInClientAsync(Roles.Administrator);
        var stamp = StampOf(await client.GetHtmlAsync(Page));
        var response = await client.PostFormAsync(Page, Page,
            Fields(stamp, (DocumentKind.Summary, "B-{seq}/HM.01/{bulan}/{year}"), (DocumentKind.Decree, "KEP/{year}"), (DocumentKind.Certificate, "P-{seq}/{year}")));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = Decode(await response.Content.ReadAsStringAsync());
        Assert.Contains("Pola nomor memuat penanda yang tidak dikenal: {bulan}.", html);
        Assert.Contains("Pola nomor harus memuat {seq} dan {year}.", html);
        Assert.Contains("value=\"KEP/{year}\"", html);
        Assert.Contains("value=\"P-{seq}/{year}\"", html);
        Assert.False(await app.WithDb(db => db.DocumentNumberFormats.AnyAsync(f => f.Kind == DocumentKind.Certificate)));
    }

    [Fact]
    public async Task A_valid_pattern_is_saved_audited_and_a_stale_page_is_refused()
    {
        var client = await app.SignedInClientAsync(Roles.Administrator);
        var stamp = StampOf(await client.GetHtmlAsync(Page));
        var saved = await client.PostFormAsync(Page, Page, Fields(stamp, (DocumentKind.Appendix, "800.1.6.2/{seq}/BKPSDM-{year}")));
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        Assert.Equal("800.1.6.2/{seq}/BKPSDM-{year}", await app.WithDb(db => db.DocumentNumberFormats.Where(f => f.Kind == DocumentKind.Appendix).Select(f => f.Pattern).SingleAsync()));
        Assert.True(await app.WithDb(db => db.AuditEntries.AnyAsync(a => a.EntityType == nameof(DocumentNumberFormat))));

        // Another administrator's page loaded before that save: refused with their input kept.
        var stale = await client.PostFormAsync(Page, Page, Fields(stamp, (DocumentKind.Appendix, "LAMP-{seq}/{year}")));
        Assert.Equal(HttpStatusCode.OK, stale.StatusCode);
        var html = Decode(await stale.Content.ReadAsStringAsync());
        Assert.Contains("Pola nomor baru saja diubah administrator lain.", html);
        Assert.Contains("value=\"LAMP-{seq}/{year}\"", html);
        Assert.Equal("800.1.6.2/{seq}/BKPSDM-{year}", await app.WithDb(db => db.DocumentNumberFormats.Where(f => f.Kind == DocumentKind.Appendix).Select(f => f.Pattern).SingleAsync()));
    }

    [GeneratedRegex("name=\"Stamp\" value=\"([^\"]*)\"")]
    private static partial Regex StampField();
}
