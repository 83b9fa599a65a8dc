using System.Net;
using System.Text;
using AgentProgram.Web.Domain.Agents;
using AgentProgram.Web.Domain.Employees;
using AgentProgram.Web.Domain.Platforms;
using static AgentProgram.Tests.Features.Agents.AgentTestKit;

namespace AgentProgram.Tests.Features.Agents;

/// <summary>
/// 27 agents named "Cempaka 01".."Cempaka 27", seeded once for the class: units A (odd), A1 under A
/// (every 4th), B (the rest); 3, 6, 9 suspended, 27 ended; 2 and 4 have not accepted the terms;
/// 5 withdrew consent; 10 and 11 have a verified account, 12 only a pending one. Enrolled one day
/// apart, 01 first.
/// </summary>
public sealed class AgentListApp : AppFactory, IAsyncLifetime
{
    public List<SeededAgent> Agents { get; } = [];
    public int UnitA { get; private set; }
    public int UnitA1 { get; private set; }
    public int UnitB { get; private set; }

    public async Task InitializeAsync()
    {
        UnitA = (await this.SeedUnitAsync("Dinas Kominfo")).Id;
        UnitA1 = (await this.SeedUnitAsync("Bidang Statistik", UnitA)).Id;
        UnitB = (await this.SeedUnitAsync("Dinas Kesehatan")).Id;
        for (var i = 1; i <= 27; i++)
        {
            var n = i;
            var unit = n % 4 == 0 ? UnitA1 : n % 2 == 1 ? UnitA : UnitB;
            Agents.Add(await this.SeedAgentAsync($"Cempaka {n:00}", acceptedTerms: n is not (2 or 4),
                employee: e => e.UnitId = unit,
                agent: ag =>
                {
                    ag.EnrolledUtc = new DateTime(2026, 1, 1, 3, 0, 0, DateTimeKind.Utc).AddDays(n);
                    if (n is 3 or 6 or 9) { ag.Status = AgentStatus.Suspended; ag.StatusReason = "Sedang cuti panjang"; }
                    if (n == 27) { ag.Status = AgentStatus.Ended; ag.StatusReason = "Pindah instansi"; }
                    if (n == 5) { ag.ConsentWithdrawnUtc = DateTime.UtcNow; ag.Status = AgentStatus.Suspended; ag.StatusReason = Web.Features.Agents.AgentStatusReasons.ConsentWithdrawn; }
                }));
        }
        await this.SeedAccountAsync(Agents[9].AgentId, Platform.Instagram, "cempaka.sepuluh", VerificationState.Verified);
        await this.SeedAccountAsync(Agents[10].AgentId, Platform.TikTok, "cempaka.sebelas", VerificationState.Verified);
        await this.SeedAccountAsync(Agents[10].AgentId, Platform.X, "cempaka_sebelas", VerificationState.Pending);
        await this.SeedAccountAsync(Agents[11].AgentId, Platform.Instagram, "cempaka.duabelas", VerificationState.Pending);
    }

    Task IAsyncLifetime.DisposeAsync() => Task.CompletedTask;
}

public sealed class AgentListTests(AgentListApp app) : IClassFixture<AgentListApp>
{
    [Fact]
    public async Task The_list_searches_pages_and_shows_the_NIP_grouped_but_never_in_a_link()
    {
        var (_, client) = await app.StaffAsync();
        var page1 = await client.GetHtmlAsync("/agen?q=cempaka");
        Assert.Contains("27 agen", page1);
        Assert.Equal(25, Count(page1, "agent-row"));
        Assert.Contains("Cempaka 01", page1);
        Assert.DoesNotContain("Cempaka 26", page1);
        Assert.Contains("href=\"/agen?q=cempaka&amp;hal=2\"", page1);
        Assert.Contains(Nip.FormatForDisplay(app.Agents[0].Nip), page1);
        Assert.Contains($"href=\"/agen/{app.Agents[0].AgentId}\"", page1);
        foreach (var a in app.Agents) Assert.DoesNotMatch("href=\"[^\"]*" + a.Nip, page1);

        var page2 = await client.GetHtmlAsync("/agen?q=cempaka&hal=2");
        Assert.Equal(2, Count(page2, "agent-row"));
        Assert.Contains("Cempaka 27", page2);

        // A NIP typed with spaces, or a part of it, finds the agent.
        var byNip = await client.GetHtmlAsync("/agen?q=" + Uri.EscapeDataString(Nip.FormatForDisplay(app.Agents[6].Nip)));
        Assert.Contains("1 agen", byNip);
        Assert.Contains("Cempaka 07", byNip);
        Assert.Contains("Tidak ada agen yang cocok", await client.GetHtmlAsync("/agen?q=tidak-ada-agen-ini"));
    }

    [Theory]
    [InlineData("status=ditangguhkan", new[] { 3, 5, 6, 9 })]
    [InlineData("status=berakhir", new[] { 27 })]
    [InlineData("persetujuan=belum", new[] { 2, 4 })]
    [InlineData("persetujuan=ditarik", new[] { 5 })]
    [InlineData("terverifikasi=ya", new[] { 10, 11 })]
    [InlineData("status=aktif&terverifikasi=tidak&persetujuan=lengkap", new[] { 1, 7, 8, 12, 13, 14, 15, 16, 17, 18, 19, 20, 21, 22, 23, 24, 25, 26 })]
    public async Task Filters_select_exactly_the_matching_agents(string filter, int[] expected)
    {
        var (_, client) = await app.StaffAsync();
        var html = await client.GetHtmlAsync("/agen?q=cempaka&" + filter);
        Assert.Contains($"{expected.Length} agen", html);
        var body = TableBody(html);
        for (var i = 1; i <= 27; i++)
        {
            if (expected.Contains(i)) Assert.Contains($"Cempaka {i:00}<", body);
            else Assert.DoesNotContain($"Cempaka {i:00}<", body);
        }
    }

    [Fact]
    public async Task The_unit_filter_includes_sub_units_and_stays_in_the_url()
    {
        var (_, client) = await app.StaffAsync();
        var a = await client.GetHtmlAsync($"/agen?q=cempaka&unit={app.UnitA}");
        // Odd numbers (14) in A plus multiples of 4 (6) in A1 below it.
        Assert.Contains("20 agen", a);
        Assert.Contains($"<option value=\"{app.UnitA}\" selected=\"selected\">", a);
        Assert.Contains($"href=\"/agen?q=cempaka&amp;unit={app.UnitA}&amp;urut=unit\"", a);
        Assert.Contains($"href=\"/agen/ekspor?q=cempaka&amp;unit={app.UnitA}\"", a);
        Assert.Contains("6 agen", await client.GetHtmlAsync($"/agen?q=cempaka&unit={app.UnitA1}"));
        Assert.Contains("7 agen", await client.GetHtmlAsync($"/agen?q=cempaka&unit={app.UnitB}"));
    }

    [Fact]
    public async Task Sorting_by_enrolment_puts_the_newest_first()
    {
        var (_, client) = await app.StaffAsync();
        var body = TableBody(await client.GetHtmlAsync("/agen?q=cempaka&urut=terdaftar"));
        Assert.True(body.IndexOf("Cempaka 27", StringComparison.Ordinal) < body.IndexOf("Cempaka 26", StringComparison.Ordinal));
        Assert.DoesNotContain("Cempaka 01", body);

        var byStatus = TableBody(await client.GetHtmlAsync("/agen?q=cempaka&urut=status&hal=2"));
        Assert.Contains("Cempaka 27", byStatus); // ended comes last
    }

    [Fact]
    public async Task The_export_is_exactly_the_filtered_list_in_csv_with_a_bom()
    {
        var (_, client) = await app.StaffAsync();
        var list = await client.GetHtmlAsync("/agen?q=cempaka&status=ditangguhkan");
        Assert.Contains("href=\"/agen/ekspor?q=cempaka&amp;status=ditangguhkan\"", list);

        var response = await client.GetAsync("/agen/ekspor?q=cempaka&status=ditangguhkan");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/csv", response.Content.Headers.ContentType!.MediaType);
        var bytes = await response.Content.ReadAsByteArrayAsync();
        Assert.Equal(new byte[] { 0xEF, 0xBB, 0xBF }, bytes[..3]);
        var lines = Encoding.UTF8.GetString(bytes[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal("Nama,NIP,Unit Kerja,Status,Alasan status,Persetujuan,Akun terverifikasi,Akun terdaftar,Terdaftar sejak", lines[0]);
        Assert.Equal(5, lines.Length);
        Assert.StartsWith($"Cempaka 03,{Nip.FormatForDisplay(app.Agents[2].Nip)},Dinas Kominfo,Ditangguhkan,Sedang cuti panjang,Sudah disetujui,0,0,2026-01-04", lines[1]);
        Assert.StartsWith("Cempaka 05,", lines[2]);
        Assert.Contains(",Ditarik,", lines[2]);
        Assert.StartsWith("Cempaka 09,", lines[4]);

        var verified = Encoding.UTF8.GetString((await client.GetByteArrayAsync("/agen/ekspor?q=cempaka%2011"))[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(2, verified.Length);
        Assert.Contains(",1,2,", verified[1]);
    }
}

/// <summary>A fresh installation: the empty list teaches where agents come from.</summary>
public sealed class EmptyAgentListTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task An_empty_list_says_to_import_from_SIASN_and_enrol()
    {
        var (_, client) = await app.StaffAsync();
        var html = await client.GetHtmlAsync("/agen");
        Assert.Contains("0 agen", html);
        Assert.Contains("Belum ada agen", html);
        Assert.Contains("href=\"/impor\"", html);
        Assert.Contains("href=\"/agen/daftarkan\"", html);
        Assert.DoesNotContain("/agen/ekspor", html);
    }
}
