using System.Security.Cryptography;
using AgentProgram.Web.Domain.Identity;
using Microsoft.AspNetCore.Identity;

namespace AgentProgram.Web.Features.Admin;

/// <summary>
/// One-time passwords an administrator hands over in person. Lower-case letters and digits
/// without the look-alikes (0/o, 1/l/i), in dash-separated groups, so they survive being read
/// aloud or copied from paper: 20 random characters, about 99 bits.
/// </summary>
public static class TemporaryPassword
{
    public const string Alphabet = "abcdefghjkmnpqrstuvwxyz23456789";
    public const int Groups = 4;
    public const int GroupLength = 5;

    public static string Generate() =>
        string.Join('-', Enumerable.Range(0, Groups).Select(_ => RandomNumberGenerator.GetString(Alphabet, GroupLength)));

    /// <summary>A fresh password that passes every password validator for this user (it may not contain their email, say).</summary>
    public static async Task<string> GenerateValidAsync(UserManager<AppUser> users, AppUser user)
    {
        for (var attempt = 0; attempt < 20; attempt++)
        {
            var candidate = Generate();
            var valid = true;
            foreach (var validator in users.PasswordValidators)
            {
                if (!(await validator.ValidateAsync(users, user, candidate)).Succeeded)
                {
                    valid = false;
                    break;
                }
            }
            if (valid) return candidate;
        }
        throw new InvalidOperationException("No generated temporary password passed the password policy.");
    }
}

/// <summary>The page that shows a temporary password once: rendered straight from the POST, never redirected to.</summary>
public sealed record TemporaryPasswordPage(string UserId, string Email, string DisplayName, string Password, bool NewAccount);
