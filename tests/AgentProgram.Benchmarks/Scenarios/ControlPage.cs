using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using AgentProgram.Web.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AgentProgram.Benchmarks.Scenarios;

public static class ControlPage
{
    public const string Path = "/__bench/control";

    /// <summary>
    /// Adds the control page to the app under test, as an MVC action from this assembly. Being an
    /// action (not middleware in front of the app) it goes through the same pipeline as every real
    /// page: security headers, localization, routing, authentication, authorization, global filters.
    /// </summary>
    public static IServiceCollection AddBenchControlPage(this IServiceCollection services)
    {
        services.AddControllersWithViews().AddApplicationPart(typeof(ControlPageController).Assembly);
        return services;
    }
}

/// <summary>
/// The baseline page: one no-tracking query for 20 users along an index, written as a table inside
/// a page shell of about the weight of the real layout (head, navbar, main, footer). A console
/// project cannot compile Razor views, so the HTML is built with a StringBuilder; the difference
/// between a real page and this one is therefore the page's own queries plus Razor rendering.
/// Only the benchmark process has this endpoint; the app never ships it.
/// </summary>
[AllowAnonymous]
[Route(ControlPage.Path)]
public sealed class ControlPageController(AppDbContext db) : ControllerBase
{
    [HttpGet]
    public async Task<ContentResult> Get(CancellationToken ct)
    {
        var rows = await db.Users.AsNoTracking()
            .OrderBy(u => u.NormalizedUserName)
            .Take(20)
            .Select(u => new { u.DisplayName, u.Email, u.CreatedUtc, u.IsActive })
            .ToListAsync(ct);

        var e = HtmlEncoder.Default;
        var html = new StringBuilder(8192);
        html.Append("""
            <!DOCTYPE html>
            <html lang="id">
            <head>
                <meta charset="utf-8" />
                <meta name="viewport" content="width=device-width, initial-scale=1" />
                <title>Kontrol · AgentProgram</title>
                <link rel="stylesheet" href="/lib/bootstrap/bootstrap.min.css" />
                <link rel="stylesheet" href="/css/site.css" />
            </head>
            <body>
                <a class="visually-hidden-focusable skip-link" href="#main">Langsung ke isi</a>
                <nav class="navbar navbar-expand-md navbar-dark app-navbar" aria-label="Navigasi utama">
                    <div class="container-fluid"><a class="navbar-brand fw-semibold" href="/">AgentProgram</a></div>
                </nav>
                <main id="main" class="container py-3 py-md-4">
                    <h1 class="h3 mb-3">Kontrol</h1>
                    <div class="table-responsive">
                        <table class="table table-sm align-middle">
                            <thead><tr><th scope="col">Nama</th><th scope="col">Email</th><th scope="col">Dibuat</th><th scope="col">Status</th></tr></thead>
                            <tbody>
            """);
        foreach (var r in rows)
        {
            html.Append("<tr><td>").Append(e.Encode(r.DisplayName))
                .Append("</td><td>").Append(e.Encode(r.Email ?? ""))
                .Append("</td><td>").Append(r.CreatedUtc.ToString("dd/MM/yyyy HH:mm", CultureInfo.InvariantCulture))
                .Append("</td><td>").Append(r.IsActive ? "Aktif" : "Nonaktif")
                .Append("</td></tr>\n");
        }
        html.Append("""
                            </tbody>
                        </table>
                    </div>
                </main>
                <footer class="container pb-4 text-muted small"><span>AgentProgram · Program Agen Komunikasi ASN</span></footer>
                <script src="/lib/bootstrap/bootstrap.bundle.min.js"></script>
                <script src="/js/site.js"></script>
            </body>
            </html>
            """);
        return Content(html.ToString(), "text/html; charset=utf-8");
    }
}
