using System.Net;
using AgentProgram.Web.Domain.Identity;
using AgentProgram.Web.Domain.Rewards;
using Microsoft.EntityFrameworkCore;
using static AgentProgram.Tests.Features.Agents.AgentTestKit;
using static AgentProgram.Tests.Features.RewardPeriods.PeriodSeed;

namespace AgentProgram.Tests.Features.RewardPeriods;

public sealed class PeriodCreateTests(AppFactory app) : IClassFixture<AppFactory>
{
    private const string New = "/periode-penghargaan/baru";

    private Task<RewardPeriod> ByNameAsync(string name) =>
        app.WithDb(db => db.RewardPeriods.AsNoTracking().SingleAsync(p => p.Name == name));

    [Fact]
    public async Task Humas_creates_a_period_of_each_kind_with_its_dates_and_default_name()
    {
        var scheme = await SchemeAsync(app);
        var (humas, client) = await app.StaffAsync(Roles.Humas);
        var s = scheme.SchemeId.ToString(System.Globalization.CultureInfo.InvariantCulture);
        // Periods of one scheme never overlap, so the quarter and the semester go on schemes of their own.
        var sq = (await SchemeAsync(app)).SchemeId.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var ss = (await SchemeAsync(app)).SchemeId.ToString(System.Globalization.CultureInfo.InvariantCulture);

        var monthly = await client.PostFormAsync(New, New, ("Kind", "Monthly"), ("Year", "2031"), ("Month", "10"), ("SchemeId", s));
        Assert.Equal(HttpStatusCode.Redirect, monthly.StatusCode);
        var oct = await ByNameAsync("Oktober 2031");
        Assert.Equal($"/periode-penghargaan/{oct.Id}", LocationOf(monthly));
        Assert.Equal((new DateOnly(2031, 10, 1), new DateOnly(2031, 10, 31)), (oct.StartDate, oct.EndDate));
        Assert.Equal((PeriodKind.Monthly, PeriodState.Open, scheme.SchemeId, humas.Id), (oct.Kind, oct.State, oct.SchemeId, oct.CreatedByUserId));
        Assert.Null(oct.CurrentRunId);

        Assert.Equal(HttpStatusCode.Redirect, (await client.PostFormAsync(New, New, ("Kind", "Quarterly"), ("Year", "2031"), ("Quarter", "4"), ("SchemeId", sq))).StatusCode);
        var q4 = await ByNameAsync("Triwulan IV 2031");
        Assert.Equal((new DateOnly(2031, 10, 1), new DateOnly(2031, 12, 31), PeriodKind.Quarterly), (q4.StartDate, q4.EndDate, q4.Kind));

        Assert.Equal(HttpStatusCode.Redirect, (await client.PostFormAsync(New, New, ("Kind", "Semester"), ("Year", "2031"), ("Semester", "2"), ("SchemeId", ss))).StatusCode);
        var s2 = await ByNameAsync("Semester II 2031");
        Assert.Equal((new DateOnly(2031, 7, 1), new DateOnly(2031, 12, 31), PeriodKind.Semester), (s2.StartDate, s2.EndDate, s2.Kind));

        Assert.Equal(HttpStatusCode.Redirect, (await client.PostFormAsync(New, New, ("Kind", "Custom"), ("StartDate", "2031-03-15"), ("EndDate", "2031-04-14"),
            ("Name", "Bulan Bakti 2031"), ("SchemeId", s))).StatusCode);
        var custom = await ByNameAsync("Bulan Bakti 2031");
        Assert.Equal((new DateOnly(2031, 3, 15), new DateOnly(2031, 4, 14), PeriodKind.Custom), (custom.StartDate, custom.EndDate, custom.Kind));

        var detail = await client.GetHtmlAsync($"/periode-penghargaan/{oct.Id}");
        Assert.Contains("Periode penghargaan dibuat.", detail);
        Assert.Contains("data-testid=\"calculate\"", detail);
        Assert.Contains("Periode ini belum dihitung.", detail);
        var key = oct.Id.ToString(System.Globalization.CultureInfo.InvariantCulture);
        Assert.True(await app.WithDb(db => db.AuditEntries.AnyAsync(a => a.Action == "RewardPeriod.Created" && a.EntityKey == key)));
    }

    [Fact]
    public async Task A_duplicate_name_is_refused_and_the_form_keeps_the_input()
    {
        var scheme = await SchemeAsync(app);
        var (_, client) = await app.StaffAsync(Roles.Pimpinan);
        var s = scheme.SchemeId.ToString(System.Globalization.CultureInfo.InvariantCulture);
        Assert.Equal(HttpStatusCode.Redirect, (await client.PostFormAsync(New, New, ("Kind", "Monthly"), ("Year", "2032"), ("Month", "5"), ("SchemeId", s))).StatusCode);

        var again = await client.PostFormAsync(New, New, ("Kind", "Monthly"), ("Year", "2032"), ("Month", "5"), ("SchemeId", s));
        Assert.Equal(HttpStatusCode.OK, again.StatusCode);
        var html = await again.Content.ReadAsStringAsync();
        Assert.Contains("Nama periode Mei 2032 sudah dipakai. Gunakan nama lain.", WebUtility.HtmlDecode(html));
        Assert.Contains("data-testid=\"error-Name\"", html);
        Assert.Contains("value=\"2032\"", html);
        Assert.Matches("<option value=\"5\" selected=\"selected\">Mei</option>", html);
        Assert.Matches($"<option value=\"{s}\" selected=\"selected\">", html);
        Assert.Equal(1, await app.WithDb(db => db.RewardPeriods.CountAsync(p => p.Name == "Mei 2032")));

        // A different name for the same month is still refused: the dates overlap Mei 2032 of the same scheme.
        var overlap = await client.PostFormAsync(New, New, ("Kind", "Monthly"), ("Year", "2032"), ("Month", "5"), ("Name", "Mei 2032 (ulang)"), ("SchemeId", s));
        Assert.Equal(HttpStatusCode.OK, overlap.StatusCode);
        Assert.Contains("tumpang tindih dengan periode Mei 2032", WebUtility.HtmlDecode(await overlap.Content.ReadAsStringAsync()));
    }

    [Fact]
    public async Task Invalid_input_gets_field_messages_in_Indonesian()
    {
        var scheme = await SchemeAsync(app);
        var draft = await SchemeAsync(app, approved: false, name: "Skema Rancangan Saja");
        var (_, client) = await app.StaffAsync(Roles.Humas);

        var form = await client.GetHtmlAsync(New);
        Assert.Contains(scheme.Name, form);
        Assert.DoesNotContain("Skema Rancangan Saja", form);

        var backwards = await client.PostFormAsync(New, New, ("Kind", "Custom"), ("StartDate", "2033-05-10"), ("EndDate", "2033-05-01"),
            ("SchemeId", draft.SchemeId.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Equal(HttpStatusCode.OK, backwards.StatusCode);
        var html = WebUtility.HtmlDecode(await backwards.Content.ReadAsStringAsync());
        Assert.Contains("Tanggal selesai tidak boleh sebelum tanggal mulai.", html);
        Assert.Contains("Skema itu belum memiliki versi yang disetujui Pimpinan.", html);
        Assert.Contains("value=\"2033-05-10\"", html);

        var tooLong = await client.PostFormAsync(New, New, ("Kind", "Custom"), ("StartDate", "2033-01-01"), ("EndDate", "2034-01-05"),
            ("SchemeId", scheme.SchemeId.ToString(System.Globalization.CultureInfo.InvariantCulture)));
        Assert.Contains("Rentang khusus paling panjang 366 hari.", WebUtility.HtmlDecode(await tooLong.Content.ReadAsStringAsync()));

        var noMonth = await client.PostFormAsync(New, New, ("Kind", "Monthly"), ("Year", "2033"), ("SchemeId", ""));
        var noMonthHtml = WebUtility.HtmlDecode(await noMonth.Content.ReadAsStringAsync());
        Assert.Contains("Pilih bulan.", noMonthHtml);
        Assert.Contains("Pilih skema penghargaan.", noMonthHtml);
        Assert.Equal(0, await app.WithDb(db => db.RewardPeriods.CountAsync(p => p.StartDate.Year == 2033)));
    }

    [Fact]
    public async Task The_list_searches_and_filters_by_state_and_HR_reads_it()
    {
        var scheme = await SchemeAsync(app);
        var open = await PeriodAsync(app, scheme.SchemeId, name: "Daftar Alfa Terbuka");
        var approved = await PeriodAsync(app, scheme.SchemeId, PeriodState.Approved, name: "Daftar Beta Disetujui");
        var (_, client) = await app.StaffAsync(Roles.Kepegawaian);

        var all = await client.GetHtmlAsync("/periode-penghargaan?cari=Daftar");
        Assert.Equal(["Daftar Beta Disetujui", "Daftar Alfa Terbuka"], TextsOf(all, "period-name"));
        Assert.DoesNotContain("data-testid=\"new-period\"", all); // HR reads, does not create

        var onlyApproved = await client.GetHtmlAsync("/periode-penghargaan?cari=Daftar&status=disetujui");
        Assert.Equal(["Daftar Beta Disetujui"], TextsOf(onlyApproved, "period-name"));

        var none = await client.GetHtmlAsync("/periode-penghargaan?cari=Tidak-Ada-Yang-Begini");
        Assert.Contains("data-testid=\"no-match\"", none);

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/periode-penghargaan/{open.Id}")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/periode-penghargaan/{approved.Id}")).StatusCode);
        Assert.True(Security.AuthorizationMatrixTests.IsRefused(await client.GetAsync(New), anonymous: false));
    }

    [Fact]
    public async Task An_empty_list_explains_what_periods_are()
    {
        await using var fresh = new AppFactory();
        var (_, client) = await fresh.StaffAsync(Roles.Humas);
        var html = await client.GetHtmlAsync("/periode-penghargaan");
        Assert.Contains("data-testid=\"empty-periods\"", html);
        Assert.Contains("Belum ada periode penghargaan", html);
        Assert.Contains("data-testid=\"new-period\"", html);
    }
}
