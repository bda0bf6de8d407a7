using Microsoft.AspNetCore.Identity;

namespace Qadam.Api.Features.Identity;

/// <summary>
/// A person who signs in: staff of one organisation, or a parent (no organisation, an IIN to link children by).
/// Identity's own columns keep its public setters; ours are set where the user is made.
/// </summary>
public sealed class QadamUser : IdentityUser<Guid>
{
    public QadamUser()
    {
        Id = Guid.CreateVersion7();
        SecurityStamp = Guid.NewGuid().ToString("N");
    }

    public QadamUser(string userName, string displayName, Guid? organisationId, string? iin = null)
        : this()
    {
        UserName = userName;
        DisplayName = displayName;
        OrganisationId = organisationId;
        Iin = iin;
    }

    public string DisplayName { get; set; } = string.Empty;

    /// <summary>The organisation whose staff the user belongs to; null for parents.</summary>
    public Guid? OrganisationId { get; set; }

    /// <summary>The user's own IIN; a parent's must match the parent IIN on a child's roster row to link that child.</summary>
    public string? Iin { get; set; }
}
