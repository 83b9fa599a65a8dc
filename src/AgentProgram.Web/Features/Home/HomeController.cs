using System.Security.Claims;
using AgentProgram.Web.Data;
using AgentProgram.Web.Domain.Identity;
using AgentProgram.Web.Features.Agents;
using AgentProgram.Web.Features.Assignments;
using Microsoft.AspNetCore.Mvc;

namespace AgentProgram.Web.Features.Home;

/// <summary>The first page after sign-in: what this user's role does here.</summary>
public sealed class HomeController : Controller
{
    [HttpGet("/")]
    public async Task<IActionResult> Index([FromServices] HomePageHandler handler) => View(await handler.LoadAsync(User));
}

/// <summary>A shortcut on an officer's home page: what the work is, where it is, and how much waits there (null: no queue).</summary>
public sealed record WorkCard(string Title, string Text, string Href, string Action, int? Waiting = null);

/// <summary>
/// The home page: the work cards plus one dashboard per role the user holds (null when they do not hold it).
/// Each role's dashboard lives in its own folder (model, handler, partial view).
/// </summary>
public sealed record HomePage(IReadOnlyList<string> Roles, MyAgent? Agent, IReadOnlyList<TaskCard> Tasks, IReadOnlyList<WorkCard> Work)
{
    public AgentHome? AgentBoard { get; init; }

    /// <summary>An officer who is also an agent: their own compact "Tugas saya" below the dashboards (null otherwise).</summary>
    public OfficerAgentWork? MyWork { get; init; }
    public HumasHome? Humas { get; init; }
    public KepegawaianHome? Kepegawaian { get; init; }
    public PimpinanHome? Pimpinan { get; init; }
}

public sealed class HomePageHandler(AppDbContext db, MyTasksHandler tasks, QueueCountsHandler queues,
    AgentHomeHandler agentHome, HumasHomeHandler humasHome, KepegawaianHomeHandler kepegawaianHome, PimpinanHomeHandler pimpinanHome)
{
    public async Task<HomePage> LoadAsync(ClaimsPrincipal user)
    {
        var roles = Roles.All.Where(user.IsInRole).ToList();
        var userId = user.FindFirstValue(ClaimTypes.NameIdentifier);
        var officer = user.IsInRole(Roles.Humas) || user.IsInRole(Roles.Kepegawaian) || user.IsInRole(Roles.Pimpinan);
        // An officer may be enrolled as an agent too (with or without the Agen role): their own agent row, by their user id.
        var agent = (user.IsInRole(Roles.Agen) || officer) && userId is not null ? await MyAgent.FindAsync(db, userId) : null;
        var agentPage = agent is not null && userId is not null && !officer;
        var cards = agentPage ? await tasks.OpenAsync(userId!) : [];
        return new HomePage(roles, agent, cards, await WorkAsync(user))
        {
            AgentBoard = agentPage ? await agentHome.LoadAsync(userId!, agent!) : null,
            MyWork = officer && agent is not null ? await agentHome.LoadCompactAsync(agent) with { Links = user.IsInRole(Roles.Agen) } : null,
            Humas = user.IsInRole(Roles.Humas) ? await humasHome.LoadAsync(user) : null,
            Kepegawaian = user.IsInRole(Roles.Kepegawaian) ? await kepegawaianHome.LoadAsync(user) : null,
            Pimpinan = user.IsInRole(Roles.Pimpinan) ? await pimpinanHome.LoadAsync(user) : null,
        };
    }

    /// <summary>The officer's shortcuts, queues with the number waiting.</summary>
    private async Task<List<WorkCard>> WorkAsync(ClaimsPrincipal user)
    {
        var work = new List<WorkCard>();
        var humas = user.IsInRole(Roles.Humas);
        var pimpinan = user.IsInRole(Roles.Pimpinan);
        if (user.IsInRole(Roles.Kepegawaian) || user.IsInRole(Roles.Administrator))
        {
            work.Add(new("Impor SIASN", "Perbarui data pegawai dan unit kerja dari ekspor SIASN.", "/impor", "Buka impor"));
            work.Add(new("Agen", "Daftarkan pegawai sebagai agen, tangguhkan, atau akhiri keikutsertaan.", "/agen", "Kelola agen"));
        }
        if (humas || pimpinan)
        {
            // The same numbers as the menu's badges (one cached reading, not three more COUNTs per visit).
            var waiting = await queues.ForAsync(user);
            work.Add(new("Pesan Kebijakan", "Pesan yang menunggu persetujuan, yang terlama di atas.", "/pesan?antrean=1", "Buka antrean", waiting.GetValueOrDefault("/pesan")));
            work.Add(new("Verifikasi Laporan", "Laporan sebaran yang menunggu verifikasi, dengan penanda yang perlu diperiksa.", "/verifikasi-laporan", "Buka antrean", waiting.GetValueOrDefault("/verifikasi-laporan")));
            work.Add(new("Tanggapan Publik", "Pertanyaan dan keluhan warga yang perlu dijawab atau dirujuk dalam 24 jam.", "/tanggapan-publik", "Buka antrean", waiting.GetValueOrDefault("/tanggapan-publik")));
            work.Add(new("Statistik Tautan", "Klik dan pengunjung unik per pesan, platform, unit kerja, dan agen.", "/statistik-tautan", "Lihat statistik"));
        }
        return work;
    }
}
