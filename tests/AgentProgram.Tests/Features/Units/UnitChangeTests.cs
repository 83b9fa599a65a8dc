using System.Net;
using AgentProgram.Web.Domain.Audit;
using Microsoft.EntityFrameworkCore;
using static AgentProgram.Tests.Features.Employees.OrgTestKit;

namespace AgentProgram.Tests.Features.Units;

public sealed class UnitChangeTests(AppFactory app) : IClassFixture<AppFactory>
{
    private Task<Web.Domain.Organization.Unit> UnitAsync(int id) => app.WithDb(db => db.Units.AsNoTracking().SingleAsync(u => u.Id == id));

    [Fact]
    public async Task Create_stores_a_unit_under_its_parent_with_a_normalised_eselon()
    {
        var parent = await app.AddUnitAsync("Buat Dinas Induk");
        var client = await app.HrAsync();
        var form = await client.GetHtmlAsync($"/unit-kerja/baru?induk={parent}");
        Assert.Contains($"<option value=\"{parent}\" selected=\"selected\">Buat Dinas Induk</option>", form);

        var response = await client.PostFormAsync("/unit-kerja/baru", "/unit-kerja/baru",
            ("ParentId", parent.ToString()), ("Name", "  Buat Bidang Baru "), ("Code", "BBB"), ("Eselon", "iii a"),
            ("HeadTitle", "Kepala Bidang Baru"), ("SiasnUnorId", "UNOR-BUAT-1"));

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var created = await app.WithDb(db => db.Units.AsNoTracking().SingleAsync(u => u.Name == "Buat Bidang Baru"));
        Assert.Equal("/unit-kerja/" + created.Id, LocationOf(response));
        Assert.Equal(parent, created.ParentId);
        Assert.Equal("III.a", created.Eselon);
        Assert.Equal("BBB", created.Code);
        Assert.Equal("UNOR-BUAT-1", created.SiasnUnorId);
        Assert.False(created.IsClosed);
        var detail = await client.GetHtmlAsync(LocationOf(response));
        Assert.Contains("Unit Buat Bidang Baru ditambahkan.", detail);
        Assert.Contains("Buat Dinas Induk</a>", detail);   // the path above it
    }

    [Fact]
    public async Task Create_refuses_a_taken_unor_id_an_unreadable_eselon_and_a_closed_parent_keeping_the_input()
    {
        await app.AddUnitAsync("Tolak Unit Lama", unor: "UNOR-TOLAK");
        var closedParent = await app.AddUnitAsync("Tolak Induk Tutup", closed: true);
        var client = await app.HrAsync();

        var response = await client.PostFormAsync("/unit-kerja/baru", "/unit-kerja/baru",
            ("ParentId", closedParent.ToString()), ("Name", "Tolak Unit Baru"), ("Eselon", "eselon sembilan"), ("SiasnUnorId", "UNOR-TOLAK"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = Decode(await response.Content.ReadAsStringAsync());
        Assert.Contains("ID UNOR SIASN UNOR-TOLAK sudah dipakai unit lain.", html);
        Assert.Contains("Eselon `eselon sembilan` tidak dikenali.", html);
        Assert.Contains("Unit Tolak Induk Tutup sudah ditutup dan tidak dapat menjadi unit induk.", html);
        Assert.Contains("value=\"Tolak Unit Baru\"", html);
        Assert.False(await app.WithDb(db => db.Units.AnyAsync(u => u.Name == "Tolak Unit Baru")));

        var blank = await client.PostFormAsync("/unit-kerja/baru", "/unit-kerja/baru", ("Name", ""));
        Assert.Contains("Nama unit wajib diisi.", await blank.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Move_refuses_a_cycle_and_moves_a_branch_elsewhere()
    {
        var root = await app.AddUnitAsync("Pindah Akar");
        var branch = await app.AddUnitAsync("Pindah Cabang", root);
        var twig = await app.AddUnitAsync("Pindah Ranting", branch);
        var leaf = await app.AddUnitAsync("Pindah Daun", twig);
        var elsewhere = await app.AddUnitAsync("Pindah Tujuan");
        var client = await app.HrAsync();
        var page = $"/unit-kerja/{branch}";
        var version = (await UnitAsync(branch)).Version.ToString();

        // The move list never offers the unit itself or anything below it.
        var html = await client.GetHtmlAsync(page);
        var moveSelect = html[html.IndexOf("id=\"NewParentId\"", StringComparison.Ordinal)..];
        moveSelect = moveSelect[..moveSelect.IndexOf("</select>", StringComparison.Ordinal)];
        Assert.DoesNotContain($"value=\"{leaf}\"", moveSelect);
        Assert.DoesNotContain($"value=\"{branch}\"", moveSelect);
        Assert.Contains($"value=\"{elsewhere}\"", moveSelect);

        var underLeaf = await client.PostFormAsync(page, page + "/pindah", ("NewParentId", leaf.ToString()), ("Version", version));
        Assert.Equal(HttpStatusCode.OK, underLeaf.StatusCode);
        Assert.Contains("Unit Pindah Cabang tidak dapat dipindahkan ke bawah Pindah Daun, karena Pindah Daun adalah sub-unitnya sendiri.",
            Decode(await underLeaf.Content.ReadAsStringAsync()));

        var underItself = await client.PostFormAsync(page, page + "/pindah", ("NewParentId", branch.ToString()), ("Version", version));
        Assert.Contains("Unit Pindah Cabang tidak dapat dipindahkan ke bawah dirinya sendiri.", Decode(await underItself.Content.ReadAsStringAsync()));
        Assert.Equal(root, (await UnitAsync(branch)).ParentId);

        var moved = await client.PostFormAsync(page, page + "/pindah", ("NewParentId", elsewhere.ToString()), ("Version", version));
        Assert.Equal(HttpStatusCode.Redirect, moved.StatusCode);
        Assert.Equal(elsewhere, (await UnitAsync(branch)).ParentId);
        Assert.Equal(twig, (await UnitAsync(leaf)).ParentId);   // the branch came along

        // The page the officer had open is now stale: a second move from it is refused.
        var stale = await client.PostFormAsync(page, page + "/pindah", ("NewParentId", root.ToString()), ("Version", version));
        Assert.Contains("Data ini baru saja diubah orang lain.", Decode(await stale.Content.ReadAsStringAsync()));
        Assert.Equal(elsewhere, (await UnitAsync(branch)).ParentId);

        var toTop = await client.PostFormAsync(page, page + "/pindah", ("NewParentId", ""), ("Version", (await UnitAsync(branch)).Version.ToString()));
        Assert.Equal(HttpStatusCode.Redirect, toTop.StatusCode);
        Assert.Null((await UnitAsync(branch)).ParentId);
    }

    [Fact]
    public async Task Close_is_refused_while_sub_units_are_open_then_closes_with_the_reason_audited_and_reopens()
    {
        var parent = await app.AddUnitAsync("Tutup Dinas Induk");
        var child = await app.AddUnitAsync("Tutup Seksi Anak", parent);
        var client = await app.HrAsync();
        var parentPage = $"/unit-kerja/{parent}";
        var childPage = $"/unit-kerja/{child}";

        var detail = await client.GetHtmlAsync(parentPage);
        Assert.Contains("data-confirm=\"Tutup unit Tutup Dinas Induk?\"", detail);

        var refused = await client.PostFormAsync(parentPage, parentPage + "/tutup", ("Reason", "Digabung"), ("Version", "0"));
        Assert.Equal(HttpStatusCode.OK, refused.StatusCode);
        Assert.Contains("Unit Tutup Dinas Induk belum dapat ditutup karena masih memiliki 1 sub-unit yang aktif: Tutup Seksi Anak.",
            Decode(await refused.Content.ReadAsStringAsync()));
        Assert.False((await UnitAsync(parent)).IsClosed);

        var noReason = await client.PostFormAsync(childPage, childPage + "/tutup", ("Reason", ""), ("Version", "0"));
        Assert.Contains("Alasan wajib diisi.", await noReason.Content.ReadAsStringAsync());
        Assert.False((await UnitAsync(child)).IsClosed);

        var closedChild = await client.PostFormAsync(childPage, childPage + "/tutup", ("Reason", "Digabung ke bidang lain"), ("Version", "0"));
        Assert.Equal(HttpStatusCode.Redirect, closedChild.StatusCode);
        Assert.True((await UnitAsync(child)).IsClosed);
        var audit = await app.WithDb(db => db.AuditEntries.AsNoTracking()
            .Where(a => a.EntityType == "Unit" && a.EntityKey == child.ToString() && a.Action == AuditActions.Updated).ToListAsync());
        Assert.Single(audit);
        Assert.Contains("Digabung ke bidang lain", audit[0].Changes);
        Assert.Contains("IsClosed", audit[0].Changes);

        var closedParent = await client.PostFormAsync(parentPage, parentPage + "/tutup", ("Reason", "Reorganisasi"), ("Version", "0"));
        Assert.Equal(HttpStatusCode.Redirect, closedParent.StatusCode);
        Assert.True((await UnitAsync(parent)).IsClosed);

        // A unit under a closed parent cannot be reopened first.
        var childVersion = (await UnitAsync(child)).Version.ToString();
        var early = await client.PostFormAsync(childPage, childPage + "/buka", ("Version", childVersion));
        Assert.Contains("Unit induknya, Tutup Dinas Induk, masih ditutup.", Decode(await early.Content.ReadAsStringAsync()));
        Assert.True((await UnitAsync(child)).IsClosed);

        Assert.Equal(HttpStatusCode.Redirect, (await client.PostFormAsync(parentPage, parentPage + "/buka", ("Version", (await UnitAsync(parent)).Version.ToString()))).StatusCode);
        Assert.Equal(HttpStatusCode.Redirect, (await client.PostFormAsync(childPage, childPage + "/buka", ("Version", childVersion))).StatusCode);
        Assert.False((await UnitAsync(parent)).IsClosed);
        Assert.False((await UnitAsync(child)).IsClosed);
    }

    [Fact]
    public async Task Edit_renames_and_a_second_edit_from_the_same_loaded_version_gets_the_conflict_with_its_input_kept()
    {
        var id = await app.AddUnitAsync("Ubah Bidang Lama", code: "UBL");
        var client = await app.HrAsync();
        var page = $"/unit-kerja/{id}";
        var version = (await UnitAsync(id)).Version.ToString();

        var first = await client.PostFormAsync(page, page, ("Name", "Ubah Bidang Baru"), ("Code", "UBB"), ("Version", version));
        Assert.Equal(HttpStatusCode.Redirect, first.StatusCode);
        Assert.Equal("Ubah Bidang Baru", (await UnitAsync(id)).Name);

        var second = await client.PostFormAsync(page, page, ("Name", "Ubah Bidang Ketiga"), ("Code", "UB3"), ("Version", version));
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        var html = Decode(await second.Content.ReadAsStringAsync());
        Assert.Contains("Data ini baru saja diubah orang lain.", html);
        Assert.Contains("value=\"Ubah Bidang Ketiga\"", html);
        Assert.Equal("Ubah Bidang Baru", (await UnitAsync(id)).Name);
    }

    [Fact]
    public async Task Unknown_units_answer_not_found()
    {
        var client = await app.HrAsync();
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/unit-kerja/987654")).StatusCode);
    }
}
