using System.Text.Json;
using AgentProgram.Web.Data;
using AgentProgram.Web.Domain.Audit;
using AgentProgram.Web.Domain.Organization;
using Microsoft.EntityFrameworkCore;

namespace AgentProgram.Tests.Infrastructure.Audit;

public sealed class AuditTrailTests(AppFactory app) : IClassFixture<AppFactory>
{
    [Fact]
    public async Task Create_update_and_delete_of_an_audited_entity_are_recorded_with_before_and_after()
    {
        var id = await app.WithDb(async db =>
        {
            var unit = new Unit { Name = "Bidang Uji", Code = "UJI" };
            db.Units.Add(unit);
            await db.SaveChangesAsync();
            unit.Name = "Bidang Uji Baru";
            await db.SaveChangesAsync();
            db.Units.Remove(unit);
            await db.SaveChangesAsync();
            return unit.Id;
        });
        var entries = await app.WithDb(db => db.AuditEntries.Where(a => a.EntityType == nameof(Unit) && a.EntityKey == id.ToString()).OrderBy(a => a.Id).ToListAsync());
        Assert.Equal([AuditActions.Created, AuditActions.Updated, AuditActions.Deleted], entries.Select(e => e.Action));

        using var created = JsonDocument.Parse(entries[0].Changes!);
        Assert.Equal("Bidang Uji", created.RootElement.GetProperty("Name").GetProperty("new").GetString());
        Assert.Equal(id, created.RootElement.GetProperty("Id").GetProperty("new").GetInt32());

        using var updated = JsonDocument.Parse(entries[1].Changes!);
        Assert.Equal("Bidang Uji", updated.RootElement.GetProperty("Name").GetProperty("old").GetString());
        Assert.Equal("Bidang Uji Baru", updated.RootElement.GetProperty("Name").GetProperty("new").GetString());
        Assert.False(updated.RootElement.TryGetProperty("Code", out _), "unchanged fields are not listed");

        using var deleted = JsonDocument.Parse(entries[2].Changes!);
        Assert.Equal("Bidang Uji Baru", deleted.RootElement.GetProperty("Name").GetProperty("old").GetString());
        Assert.All(entries, e => Assert.InRange(e.OccurredUtc, DateTime.UtcNow.AddMinutes(-5), DateTime.UtcNow.AddMinutes(1)));
    }

    [Fact]
    public async Task The_audit_trail_cannot_be_changed_or_deleted()
    {
        await app.WithDb(async db =>
        {
            db.AuditEntries.Add(new AuditEntry { Action = "Test", OccurredUtc = DateTime.UtcNow });
            await db.SaveChangesAsync();
            return 0;
        });
        var ex = await Assert.ThrowsAsync<InvalidOperationException>(() => app.WithDb(async db =>
        {
            var entry = await db.AuditEntries.FirstAsync();
            entry.Action = "Tampered";
            return await db.SaveChangesAsync();
        }));
        Assert.Contains("append-only", ex.Message);
        await Assert.ThrowsAsync<InvalidOperationException>(() => app.WithDb(async db =>
        {
            db.AuditEntries.Remove(await db.AuditEntries.FirstAsync());
            return await db.SaveChangesAsync();
        }));
    }

    [Fact]
    public async Task A_refused_request_is_audited_as_access_denied_without_the_query_string()
    {
        var user = await app.CreateUserAsync("Agen");
        var client = app.Client();
        await client.SignInAsync(user.Email!, AppFactory.Password);
        var response = await client.GetAsync("/admin/pengguna?q=198609262015051001");
        Assert.StartsWith("/akun/akses-ditolak", response.Headers.Location!.PathAndQuery);
        var entry = await app.WithDb(db => db.AuditEntries.SingleAsync(a => a.Action == AuditActions.AccessDenied && a.UserId == user.Id));
        Assert.Equal("/admin/pengguna", entry.Path);
        Assert.DoesNotContain("198609262015051001", entry.Changes ?? "");
    }

    [Fact]
    public async Task Data_protection_keys_live_in_the_database()
    {
        await app.Client().GetAsync("/akun/masuk");
        Assert.True(await app.WithDb(db => db.DataProtectionKeys.AnyAsync()));
    }
}
