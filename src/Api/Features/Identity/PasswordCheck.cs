using Microsoft.AspNetCore.Identity;

namespace Qadam.Api.Features.Identity;

/// <summary>
/// Checks a user name and password in the same time whether the account exists, is locked or not (OWASP ASVS 4.0.3
/// V2.2.1, V3.2: no account enumeration by message or timing): an unknown or locked account still costs one password hash.
/// Failures never lock the account (SignInThrottle slows the guesser instead).
/// </summary>
internal static class PasswordCheck
{
    private static string? _dummyHash;

    public static async Task<QadamUser?> VerifyAsync(
        UserManager<QadamUser> users, SignInManager<QadamUser> signIn, IPasswordHasher<QadamUser> hasher, string? userName, string? password)
    {
        var user = string.IsNullOrWhiteSpace(userName) ? null : await users.FindByNameAsync(userName.Trim());
        if (user is null || !await signIn.CanSignInAsync(user) || await users.IsLockedOutAsync(user))
        {
            var dummy = new QadamUser();
            _dummyHash ??= hasher.HashPassword(dummy, Guid.NewGuid().ToString("N"));
            hasher.VerifyHashedPassword(dummy, _dummyHash, password ?? string.Empty);
            return null;
        }

        var check = await signIn.CheckPasswordSignInAsync(user, password ?? string.Empty, lockoutOnFailure: false);
        return check.Succeeded ? user : null;
    }
}
