using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Localization;

namespace AgentProgram.Web.Infrastructure.Security;

/// <summary>Identity's own messages, in the user's language.</summary>
public sealed class LocalizedIdentityErrorDescriber(IStringLocalizer<SharedResource> l) : IdentityErrorDescriber
{
    private static IdentityError E(string code, string text) => new() { Code = code, Description = text };

    public override IdentityError DefaultError() => E(nameof(DefaultError), l["Terjadi kesalahan. Silakan coba lagi."]);
    public override IdentityError PasswordMismatch() => E(nameof(PasswordMismatch), l["Kata sandi salah."]);
    public override IdentityError InvalidToken() => E(nameof(InvalidToken), l["Kode tidak valid atau sudah kedaluwarsa."]);
    public override IdentityError DuplicateEmail(string email) => E(nameof(DuplicateEmail), l["Email {0} sudah dipakai akun lain.", email]);
    public override IdentityError DuplicateUserName(string userName) => E(nameof(DuplicateUserName), l["Email {0} sudah dipakai akun lain.", userName]);
    public override IdentityError InvalidEmail(string? email) => E(nameof(InvalidEmail), l["Alamat email {0} tidak valid.", email ?? ""]);
    public override IdentityError InvalidUserName(string? userName) => E(nameof(InvalidUserName), l["Alamat email {0} tidak valid.", userName ?? ""]);
    public override IdentityError PasswordTooShort(int length) => E(nameof(PasswordTooShort), l["Kata sandi minimal {0} karakter. Frasa beberapa kata mudah diingat dan sulit ditebak.", length]);
    public override IdentityError UserAlreadyInRole(string role) => E(nameof(UserAlreadyInRole), l["Pengguna sudah memiliki peran {0}.", role]);
    public override IdentityError UserNotInRole(string role) => E(nameof(UserNotInRole), l["Pengguna tidak memiliki peran {0}.", role]);
    public override IdentityError ConcurrencyFailure() => E(nameof(ConcurrencyFailure), l["Data ini baru saja diubah orang lain. Muat ulang halaman lalu ulangi perubahan Anda."]);
    public override IdentityError RecoveryCodeRedemptionFailed() => E(nameof(RecoveryCodeRedemptionFailed), l["Kode pemulihan tidak valid atau sudah dipakai."]);
}
