using System.Security.Claims;
using AgentProgram.Web.Domain.Identity;

namespace AgentProgram.Web.Features.Shared;

public sealed record NavItem(string Label, string Href);

/// <summary>The menu for each role. A feature adds its entry here when it lands.</summary>
public static class Navigation
{
    public static IReadOnlyList<NavItem> For(ClaimsPrincipal user)
    {
        var items = new List<NavItem>();
        if (user.Identity?.IsAuthenticated != true) return items;
        items.Add(new NavItem(user.IsInRole(Roles.Agen) && !Roles.Staff.Any(user.IsInRole) ? "Tugas Saya" : "Beranda", "/"));
        if (user.IsInRole(Roles.Agen))
        {
            items.Add(new NavItem("Laporan Saya", "/laporan-saya"));
            items.Add(new NavItem("Penghargaan Saya", "/penghargaan-saya"));
            items.Add(new NavItem("Akun Media Sosial", "/agen/akun-media-sosial"));
            items.Add(new NavItem("Data Saya", "/agen/data-saya"));
        }
        if (user.IsInRole(Roles.Kepegawaian) || user.IsInRole(Roles.Administrator))
        {
            items.Add(new NavItem("Pegawai", "/pegawai"));
            items.Add(new NavItem("Agen", "/agen"));
            items.Add(new NavItem("Unit Kerja", "/unit-kerja"));
            items.Add(new NavItem("Impor SIASN", "/impor"));
            items.Add(new NavItem("Catatan Disiplin dan Netralitas", "/catatan-disiplin"));
        }
        if (user.IsInRole(Roles.Humas) || user.IsInRole(Roles.Pimpinan))
        {
            items.Add(new NavItem("Pesan Kebijakan", "/pesan"));
            items.Add(new NavItem("Statistik Tautan", "/statistik-tautan"));
            items.Add(new NavItem("Analitik", "/analitik"));
            items.Add(new NavItem("Verifikasi Laporan", "/verifikasi-laporan"));
            items.Add(new NavItem("Tanggapan Publik", "/tanggapan-publik"));
            items.Add(new NavItem("Skema Penghargaan", "/skema-penghargaan"));
        }
        if (Roles.Staff.Any(user.IsInRole))
        {
            items.Add(new NavItem("Periode Penghargaan", "/periode-penghargaan"));
        }
        if (user.IsInRole(Roles.Humas))
        {
            items.Add(new NavItem("Impor insight", "/impor-insight"));
            items.Add(new NavItem("Verifikasi Akun", "/verifikasi-akun"));
        }
        if (user.IsInRole(Roles.Humas) || user.IsInRole(Roles.Administrator))
        {
            items.Add(new NavItem("Masa Pemilu", "/admin/pemilu"));
        }
        if (user.IsInRole(Roles.Administrator))
        {
            items.Add(new NavItem("Profil Instansi", "/admin/instansi"));
            items.Add(new NavItem("Pengguna", "/admin/pengguna"));
            items.Add(new NavItem("Jejak Audit", "/admin/jejak-audit"));
        }
        return items;
    }
}
