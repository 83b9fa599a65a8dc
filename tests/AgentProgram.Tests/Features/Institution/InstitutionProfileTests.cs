using System.Net;
using AgentProgram.Web.Domain.Identity;
using Microsoft.EntityFrameworkCore;
using static AgentProgram.Tests.Features.Employees.OrgTestKit;

namespace AgentProgram.Tests.Features.Institution;

/// <summary>The profile form and the logo. One class (one database): the tests share the single institution row.</summary>
public sealed class InstitutionProfileTests(AppFactory app) : IClassFixture<AppFactory>
{
    private const string Page = "/admin/instansi";

    private static (string, string)[] Profile(string name, int version, params (string, string)[] more) =>
        [("Name", name), ("ShortName", "Diskominfo Uji"), ("City", "Kota Uji"), ("Version", version.ToString()), .. more];

    private Task<Web.Domain.Organization.Institution?> RowAsync() =>
        app.WithDb(db => db.Institutions.AsNoTracking().OrderBy(i => i.Id).FirstOrDefaultAsync());

    /// <summary>The version to post: the row's, or 0 before the first save.</summary>
    private async Task<int> VersionAsync() => (await RowAsync())?.Version ?? 0;

    [Fact]
    public async Task A_save_from_a_stale_form_gets_the_conflict_with_its_input_kept()
    {
        var client = await app.SignedInClientAsync(Roles.Administrator);
        Assert.Equal(HttpStatusCode.Redirect, (await client.PostMultipartAsync(Page, Page, Profile("Dinas Versi Awal", await VersionAsync()))).StatusCode);
        var loaded = await VersionAsync();

        var first = await client.PostMultipartAsync(Page, Page, Profile("Dinas Versi Kedua", loaded));
        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);

        // A second officer saves from the same loaded version: refused, with what they typed kept.
        var stale = await client.PostMultipartAsync(Page, Page, Profile("Dinas Nama Lain", loaded));
        Assert.Equal(HttpStatusCode.OK, stale.StatusCode);
        var html = Decode(await stale.Content.ReadAsStringAsync());
        Assert.Contains("Data ini baru saja diubah orang lain.", html);
        Assert.Contains("value=\"Dinas Nama Lain\"", html);
        Assert.Equal("Dinas Versi Kedua", (await RowAsync())!.Name);
        Assert.Equal(1, await app.WithDb(db => db.Institutions.CountAsync()));
    }

    [Fact]
    public async Task Invalid_fields_are_explained_in_indonesian()
    {
        var client = await app.SignedInClientAsync(Roles.Administrator);
        var response = await client.PostMultipartAsync(Page, Page,
            [("Name", ""), ("ShortName", "X"), ("Email", "bukan-email"), ("Website", "bukan alamat"), ("LetterheadLines", "1\n2\n3\n4\n5\n6\n7"), ("Version", (await VersionAsync()).ToString())]);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = Decode(await response.Content.ReadAsStringAsync());
        Assert.Contains("Nama instansi wajib diisi.", html);
        Assert.Contains("Alamat email tidak valid.", html);

        var second = await client.PostMultipartAsync(Page, Page,
            [("Name", "Nama Ada"), ("ShortName", "X"), ("Website", "bukan alamat"), ("LetterheadLines", "1\n2\n3\n4\n5\n6\n7"), ("Version", (await VersionAsync()).ToString())]);
        var html2 = Decode(await second.Content.ReadAsStringAsync());
        Assert.Contains("Alamat situs web tidak valid.", html2);
        Assert.Contains("Kop surat paling banyak 6 baris; sekarang 7 baris.", html2);
        Assert.NotEqual("Nama Ada", (await RowAsync())?.Name);
    }

    [Fact]
    public async Task A_real_png_is_stored_and_served_inline_with_its_type_to_any_signed_in_user()
    {
        var admin = await app.SignedInClientAsync(Roles.Administrator);
        var png = Png(64, 48);
        var response = await admin.PostMultipartAsync(Page, Page, Profile("Dinas Logo Uji", await VersionAsync()),
            ("Logo", "lambang.png", "image/png", png));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var row = await RowAsync();
        Assert.Equal(png, row!.Logo);
        Assert.Equal("image/png", row.LogoContentType);
        Assert.Contains("src=\"/admin/instansi/logo?v=", await admin.GetHtmlAsync(Page));

        foreach (var role in new[] { Roles.Humas, Roles.Agen })
        {
            var reader = await app.SignedInClientAsync(role);
            var logo = await reader.GetAsync("/admin/instansi/logo");
            Assert.Equal(HttpStatusCode.OK, logo.StatusCode);
            Assert.Equal("image/png", logo.Content.Headers.ContentType!.MediaType);
            Assert.Equal("inline", logo.Content.Headers.ContentDisposition!.DispositionType);
            Assert.Equal("nosniff", logo.Headers.GetValues("X-Content-Type-Options").Single());
            Assert.Equal(png, await logo.Content.ReadAsByteArrayAsync());
        }
        Assert.Equal(HttpStatusCode.Redirect, (await app.Client().GetAsync("/admin/instansi/logo")).StatusCode);   // anonymous: sign in first

        // An agent who has not accepted the code of conduct yet is held at the terms page, but still sees the logo on it.
        var pending = await app.CreateUserAsync(Roles.Agen);
        var employee = await app.AddEmployeeAsync("Agen Belum Setuju");
        await app.WithDb(db =>
        {
            db.Agents.Add(new Web.Domain.Agents.Agent { EmployeeId = employee.Id, UserId = pending.Id, EnrolledUtc = DateTime.UtcNow });
            return db.SaveChangesAsync();
        });
        var agent = app.Client();
        await agent.SignInAsync(pending.Email!, AppFactory.Password);
        Assert.Equal(HttpStatusCode.Redirect, (await agent.GetAsync("/")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await agent.GetAsync("/admin/instansi/logo")).StatusCode);
    }

    [Fact]
    public async Task The_type_comes_from_the_bytes_not_from_the_name_or_the_browser()
    {
        var admin = await app.SignedInClientAsync(Roles.Administrator);
        var jpeg = JpegHeader(120, 80);
        var response = await admin.PostMultipartAsync(Page, Page, Profile("Dinas Jpeg Uji", await VersionAsync()),
            ("Logo", "lambang.png", "image/png", jpeg));
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Equal("image/jpeg", (await RowAsync())!.LogoContentType);
        var logo = await admin.GetAsync("/admin/instansi/logo");
        Assert.Equal("image/jpeg", logo.Content.Headers.ContentType!.MediaType);
    }

    [Fact]
    public async Task A_text_file_named_png_an_oversize_file_and_a_tiny_image_are_refused_and_nothing_changes()
    {
        var admin = await app.SignedInClientAsync(Roles.Administrator);
        // Start from a known logo so "nothing changes" is observable.
        var before = Png(40, 40);
        Assert.Equal(HttpStatusCode.Redirect, (await admin.PostMultipartAsync(Page, Page, Profile("Dinas Tolak Uji", await VersionAsync()),
            ("Logo", "asli.png", "image/png", before))).StatusCode);

        var text = "<svg onload=alert(1)>bukan gambar</svg>"u8.ToArray();
        var fake = await admin.PostMultipartAsync(Page, Page, Profile("Dinas Tolak Uji", await VersionAsync()), ("Logo", "logo.png", "image/png", text));
        Assert.Equal(HttpStatusCode.OK, fake.StatusCode);
        Assert.Contains("Logo harus berupa gambar PNG atau JPEG. Isi berkas ini bukan gambar PNG atau JPEG, apa pun nama berkasnya.",
            Decode(await fake.Content.ReadAsStringAsync()));

        var big = Png(64, 64).Concat(new byte[600 * 1024]).ToArray();
        var oversize = await admin.PostMultipartAsync(Page, Page, Profile("Dinas Tolak Uji", await VersionAsync()), ("Logo", "besar.png", "image/png", big));
        Assert.Equal(HttpStatusCode.OK, oversize.StatusCode);
        Assert.Contains("Berkas logo terlalu besar (", Decode(await oversize.Content.ReadAsStringAsync()));
        Assert.Contains("Ukuran paling besar 512 KB", Decode(await oversize.Content.ReadAsStringAsync()));

        var tiny = await admin.PostMultipartAsync(Page, Page, Profile("Dinas Tolak Uji", await VersionAsync()), ("Logo", "kecil.png", "image/png", Png(16, 16)));
        Assert.Contains("Logo terlalu kecil (16×16 piksel).", Decode(await tiny.Content.ReadAsStringAsync()));

        var broken = await admin.PostMultipartAsync(Page, Page, Profile("Dinas Tolak Uji", await VersionAsync()), ("Logo", "rusak.png", "image/png", Png(64, 64)[..20]));
        Assert.Contains("Berkas logo rusak", Decode(await broken.Content.ReadAsStringAsync()));

        Assert.Equal(before, (await RowAsync())!.Logo);
    }

    [Fact]
    public async Task Removing_the_logo_makes_the_logo_address_answer_not_found()
    {
        var admin = await app.SignedInClientAsync(Roles.Administrator);
        await admin.PostMultipartAsync(Page, Page, Profile("Dinas Hapus Logo", await VersionAsync()), ("Logo", "a.png", "image/png", Png(64, 64)));
        Assert.Equal(HttpStatusCode.OK, (await admin.GetAsync("/admin/instansi/logo")).StatusCode);

        var removed = await admin.PostMultipartAsync(Page, Page, Profile("Dinas Hapus Logo", await VersionAsync(), ("RemoveLogo", "true")));
        Assert.Equal(HttpStatusCode.Redirect, removed.StatusCode);
        Assert.Null((await RowAsync())!.Logo);
        Assert.Equal(HttpStatusCode.NotFound, (await admin.GetAsync("/admin/instansi/logo")).StatusCode);
    }

    [Fact]
    public async Task Only_administrators_reach_the_profile()
    {
        var hr = await app.SignedInClientAsync(Roles.Kepegawaian);
        var response = await hr.GetAsync(Page);
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.StartsWith("/akun/akses-ditolak", LocationOf(response));
    }
}

/// <summary>A fresh installation: no institution row yet.</summary>
public sealed class InstitutionFirstSaveTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task The_first_save_creates_the_one_profile_row_from_a_form_prefilled_with_the_configuration()
    {
        var client = await app.SignedInClientAsync(Roles.Administrator);
        var empty = await client.GetHtmlAsync("/admin/instansi");
        Assert.Contains("Profil instansi belum disimpan.", empty);
        Assert.Contains("value=\"Pemerintah Kota Uji\"", empty);
        Assert.Contains("value=\"Pemkot Uji\"", empty);

        var saved = await client.PostMultipartAsync("/admin/instansi", "/admin/instansi",
        [
            ("Name", "Dinas Komunikasi Uji"), ("ShortName", "Diskominfo"), ("Website", "diskominfo.uji.go.id"), ("Email", "humas@uji.go.id"),
            ("LetterheadLines", "\r\nPEMERINTAH KOTA UJI\r\n  \r\nDINAS KOMUNIKASI\r\n\r\n"), ("Version", "0"),
        ]);
        Assert.Equal(HttpStatusCode.Redirect, saved.StatusCode);
        var row = await app.WithDb(db => db.Institutions.AsNoTracking().SingleAsync());
        Assert.Equal("Dinas Komunikasi Uji", row.Name);
        Assert.Equal("https://diskominfo.uji.go.id", row.Website);
        Assert.Equal("PEMERINTAH KOTA UJI\n\nDINAS KOMUNIKASI", row.LetterheadLines);
        Assert.Null(row.Logo);
        var page = await client.GetHtmlAsync("/admin/instansi");
        Assert.Contains("Profil instansi disimpan.", page);
        Assert.DoesNotContain("Profil instansi belum disimpan.", page);

        // No logo yet: the address answers 404 to any signed-in user.
        var reader = await app.SignedInClientAsync(Roles.Humas);
        Assert.Equal(HttpStatusCode.NotFound, (await reader.GetAsync("/admin/instansi/logo")).StatusCode);
    }
}
