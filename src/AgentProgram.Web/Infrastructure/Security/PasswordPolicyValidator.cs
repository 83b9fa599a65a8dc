using System.Reflection;
using AgentProgram.Web.Domain.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;

namespace AgentProgram.Web.Infrastructure.Security;

/// <summary>
/// OWASP ASVS 5.0 password rules beyond Identity's length check: at most 128 characters,
/// no composition rules, and refused when common or when it contains the user's email or the
/// institution's name.
/// </summary>
public sealed class PasswordPolicyValidator(IConfiguration config, IStringLocalizer<SharedResource> l) : IPasswordValidator<AppUser>
{
    public const int MinLength = 12;
    public const int MaxLength = 128;

    private static readonly Lazy<HashSet<string>> Common = new(LoadCommon);

    public static bool IsCommon(string password) => Common.Value.Contains(password.Trim().ToLowerInvariant());

    public Task<IdentityResult> ValidateAsync(UserManager<AppUser> manager, AppUser user, string? password)
    {
        var errors = new List<IdentityError>();
        password ??= "";
        var lower = password.ToLowerInvariant();
        if (password.Length > MaxLength)
            errors.Add(new IdentityError { Code = "PasswordTooLong", Description = l["Kata sandi paling banyak {0} karakter.", MaxLength] });
        if (IsCommon(password))
            errors.Add(new IdentityError { Code = "PasswordCommon", Description = l["Kata sandi ini termasuk yang paling umum dipakai dan mudah ditebak. Pilih kalimat yang hanya Anda ketahui."] });
        foreach (var word in Personal(user))
        {
            if (word.Length >= 4 && lower.Contains(word, StringComparison.Ordinal))
            {
                errors.Add(new IdentityError { Code = "PasswordPersonal", Description = l["Kata sandi tidak boleh memuat alamat email Anda atau nama instansi."] });
                break;
            }
        }
        return Task.FromResult(errors.Count == 0 ? IdentityResult.Success : IdentityResult.Failed([.. errors]));
    }

    private IEnumerable<string> Personal(AppUser user)
    {
        if (!string.IsNullOrWhiteSpace(user.Email))
        {
            var email = user.Email.ToLowerInvariant();
            yield return email;
            yield return email.Split('@')[0];
        }
        foreach (var key in new[] { "Institution:Name", "Institution:ShortName" })
        {
            var name = config[key];
            if (string.IsNullOrWhiteSpace(name)) continue;
            var n = name.ToLowerInvariant();
            yield return n;
            yield return n.Replace(" ", "", StringComparison.Ordinal);
        }
    }

    private static HashSet<string> LoadCommon()
    {
        var set = new HashSet<string>(StringComparer.Ordinal);
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream("AgentProgram.Web.Infrastructure.Security.common-passwords.txt")
            ?? throw new InvalidOperationException("The common-password list is not embedded.");
        using var reader = new StreamReader(stream);
        while (reader.ReadLine() is { } line)
        {
            if (line.Length == 0 || line.StartsWith('#')) continue;
            set.Add(line.Trim().ToLowerInvariant());
        }
        return set;
    }
}
