using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Qadam.Api.Features.Organisations;

/// <summary>
/// What an organisation is in the tree ministry → region → district → school or college, and ministry → university →
/// faculty (regional departments do not govern universities: order 97 para 4(1) has the emergency order reach them
/// "for all students", but the university reports to the Ministry of Science and Higher Education). Stored as its
/// name, so new kinds are appended without renumbering.
/// </summary>
public enum OrganisationKind
{
    Ministry,
    Region,
    District,
    School,
    College,
    University,
    Faculty,
}

/// <summary>An organisation in the education system, with its names in Kazakh and Russian.</summary>
public sealed class Organisation
{
    private Organisation()
    {
        Code = NameKk = NameRu = string.Empty;
    }

    public Organisation(string code, OrganisationKind kind, string nameKk, string nameRu, Organisation? parent = null)
    {
        Id = Guid.CreateVersion7();
        Code = code;
        Kind = kind;
        NameKk = nameKk;
        NameRu = nameRu;
        ParentId = parent?.Id;
    }

    public Guid Id { get; private set; }

    /// <summary>Short stable code used in user names (<c>clerk.s1</c>) and registry numbers.</summary>
    public string Code { get; private set; }

    public OrganisationKind Kind { get; private set; }

    public string NameKk { get; private set; }

    public string NameRu { get; private set; }

    public Guid? ParentId { get; private set; }

    /// <summary>Business identification number (БИН), same length and check digit as an IIN; unknown for demo data.</summary>
    public string? Bin { get; private set; }

    /// <summary>Schools, colleges and universities hold student rosters; the offices above them (and faculties) do not.</summary>
    public bool HoldsStudents => Kind is OrganisationKind.School or OrganisationKind.College or OrganisationKind.University;

    /// <summary>Sets the BIN after checking it with the IIN check-digit rule (docs/domain-facts.md: same length and rule).</summary>
    public bool TrySetBin(string bin)
    {
        if (!Qadam.Identifiers.Iin.HasValidCheckDigit(bin))
        {
            return false;
        }

        Bin = bin;
        return true;
    }
}

internal sealed class OrganisationConfiguration : IEntityTypeConfiguration<Organisation>
{
    public void Configure(EntityTypeBuilder<Organisation> builder)
    {
        builder.ToTable("organisations");
        builder.HasKey(o => o.Id);
        builder.HasIndex(o => o.Code).IsUnique();
        builder.Property(o => o.Code).HasMaxLength(32);
        builder.Property(o => o.Kind).HasConversion<string>().HasMaxLength(16);
        builder.Property(o => o.NameKk).HasMaxLength(300);
        builder.Property(o => o.NameRu).HasMaxLength(300);
        builder.Property(o => o.Bin).HasMaxLength(12).IsFixedLength();
        builder.HasIndex(o => o.Bin).IsUnique();
        builder.Ignore(o => o.HoldsStudents);
        builder.HasOne<Organisation>().WithMany().HasForeignKey(o => o.ParentId).OnDelete(DeleteBehavior.Restrict);
    }
}
