using System.Net;
using AgentProgram.Web.Domain.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AgentProgram.Tests.Features.Account;

public sealed class ChangePasswordTests(AppFactory app) : IClassFixture<AppFactory>
{
    private static Task<HttpResponseMessage> Change(HttpClient c, string current, string next, string? confirm = null) =>
        c.PostFormAsync("/akun/kata-sandi", "/akun/kata-sandi", ("CurrentPassword", current), ("NewPassword", next), ("ConfirmPassword", confirm ?? next));

    [Theory]
    [InlineData("pendek-saja", "minimal 12 karakter")]
    [InlineData("qwerty123456", "paling umum dipakai")]
    [InlineData("BISMILLAH1234", "paling umum dipakai")]
    [InlineData("Pemkot Uji hebat sekali", "nama instansi")]
    public async Task Weak_passwords_are_refused_with_a_reason(string next, string expected)
    {
        var client = await app.SignedInClientAsync("Agen");
        var response = await Change(client, AppFactory.Password, next);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Contains(expected, await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_password_containing_the_email_is_refused()
    {
        var user = await app.CreateUserAsync("Agen");
        var client = app.Client();
        await client.SignInAsync(user.Email!, AppFactory.Password);
        var local = user.Email!.Split('@')[0];
        var response = await Change(client, AppFactory.Password, $"saya {local} yang rajin");
        Assert.Contains("alamat email Anda", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Over_128_characters_is_refused_and_128_is_accepted()
    {
        var client = await app.SignedInClientAsync("Agen");
        var tooLong = await Change(client, AppFactory.Password, new string('k', 100) + " dan lagi " + new string('z', 19));
        Assert.Contains("paling banyak 128 karakter", await tooLong.Content.ReadAsStringAsync());
        var exactly = "kalimat panjang " + new string('q', 112);
        Assert.Equal(128, exactly.Length);
        Assert.Equal(HttpStatusCode.Redirect, (await Change(client, AppFactory.Password, exactly)).StatusCode);
    }

    [Fact]
    public async Task No_composition_rules_a_long_lowercase_phrase_is_fine()
    {
        var user = await app.CreateUserAsync("Agen");
        var client = app.Client();
        await client.SignInAsync(user.Email!, AppFactory.Password);
        var response = await Change(client, AppFactory.Password, "kopi pagi di teras rumah");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        var again = app.Client();
        Assert.Equal(HttpStatusCode.Redirect, (await again.SignInAsync(user.Email!, "kopi pagi di teras rumah")).StatusCode);
    }

    [Fact]
    public async Task Wrong_current_password_and_mismatch_are_field_errors()
    {
        var client = await app.SignedInClientAsync("Agen");
        var wrong = await Change(client, "bukan-yang-sekarang", "kalimat baru yang aman");
        Assert.Contains("Kata sandi salah.", await wrong.Content.ReadAsStringAsync());
        var mismatch = await Change(client, AppFactory.Password, "kalimat baru yang aman", "kalimat lain sama sekali");
        Assert.Contains("Kedua kata sandi baru tidak sama.", await mismatch.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task A_temporary_password_must_be_changed_before_anything_else()
    {
        var user = await app.CreateUserAsync("Humas");
        await app.WithServices(async sp =>
        {
            var users = sp.GetRequiredService<UserManager<AppUser>>();
            var u = await users.FindByIdAsync(user.Id);
            u!.MustChangePassword = true;
            await users.UpdateAsync(u);
        });
        var client = app.Client();
        await client.SignInAsync(user.Email!, AppFactory.Password);
        var home = await client.GetAsync("/");
        Assert.Equal("/akun/kata-sandi", home.Headers.Location!.OriginalString);
        Assert.Contains("kata sandi sementara", await client.GetHtmlAsync("/akun/kata-sandi"));
        Assert.Equal(HttpStatusCode.Redirect, (await Change(client, AppFactory.Password, "matahari terbit dari timur")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/")).StatusCode);
        Assert.False(await app.WithDb(db => db.Users.Where(u => u.Id == user.Id).Select(u => u.MustChangePassword).SingleAsync()));
    }
}
