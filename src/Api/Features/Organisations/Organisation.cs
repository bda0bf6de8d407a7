using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Qadam.Api.Features.Organisations;

/// <summary>
/// What an organisation is in the tree ministry → region → district → school, college or additional-education
/// organisation, and ministry → university → faculty (regional departments do not govern universities: order 97 para
/// 4(1) has the emergency order reach them "for all students", but the university reports to the Ministry of Science and
/// Higher Education). Stored as its name, so new kinds are appended without renumbering.
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

    /// <summary>
    /// An organisation of additional education (clubs, sections, music and art schools): distance learning only on the
    /// emergency ground (order 349 Annex 2 para 4; 2025: Annex 1 para 3 as read with the title of chapter 2).
    /// </summary>
    AdditionalEducation,
}

/// <summary>
/// The programmes a TVET organisation runs that the orders single out: a college teaching any of them may not
/// provide distance learning (order 349 Annex 2 para 3-1 added by order 130 of 31.05.2024; 2025: Annex 1 para 3).
/// </summary>
[Flags]
public enum RestrictedProgrammes
{
    None = 0,
    Medical = 1,
    Pharmaceutical = 2,
    Pedagogical = 4,
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

    /// <summary>
    /// For a college: whether it runs medical, pharmaceutical or pedagogical programmes (from the organisation's data;
    /// the exclusion of 349 para 3-1 / 103 para 3 is about the organisation, not the student's own programme).
    /// </summary>
    public RestrictedProgrammes Programmes { get; private set; }

    /// <summary>
    /// Schools, colleges, additional-education organisations and universities hold student rosters; the offices above them
    /// (and faculties) do not.
    /// </summary>
    public bool HoldsStudents => Kind is OrganisationKind.School or OrganisationKind.College
        or OrganisationKind.AdditionalEducation or OrganisationKind.University;

    /// <summary>
    /// Whether it may issue an emergency order moving students to distance learning: the education department of an oblast
    /// or of Astana, Almaty or Shymkent, which is what a <see cref="OrganisationKind.Region"/> is (order 349 para 5; order 103
    /// para 22). A district office may not.
    /// </summary>
    public bool IssuesEmergencyOrders => Kind == OrganisationKind.Region;

    /// <summary>The restricted programmes as the pathways' tables read them: <c>["pedagogical"]</c>.</summary>
    public static IReadOnlyList<string> ProgrammeCodes(RestrictedProgrammes programmes) =>
        [.. Enum.GetValues<RestrictedProgrammes>().Where(p => p != RestrictedProgrammes.None && programmes.HasFlag(p))
            .Select(p => p.ToString().ToLowerInvariant())];

    /// <summary>Records which restricted programmes a college runs; other kinds run none (the orders test colleges only).</summary>
    public void SetProgrammes(RestrictedProgrammes programmes)
    {
        if (programmes != RestrictedProgrammes.None && Kind != OrganisationKind.College)
        {
            throw new InvalidOperationException($"{Code} is a {Kind}: only a college runs TVET programmes.");
        }

        Programmes = programmes;
    }

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
        builder.Property(o => o.Kind).HasConversion<string>().HasMaxLength(32);
        builder.Property(o => o.Programmes).HasConversion<int>().HasDefaultValue(RestrictedProgrammes.None);
        builder.Property(o => o.NameKk).HasMaxLength(300);
        builder.Property(o => o.NameRu).HasMaxLength(300);
        builder.Property(o => o.Bin).HasMaxLength(12).IsFixedLength();
        builder.HasIndex(o => o.Bin).IsUnique();
        builder.Ignore(o => o.HoldsStudents);
        builder.HasOne<Organisation>().WithMany().HasForeignKey(o => o.ParentId).OnDelete(DeleteBehavior.Restrict);
    }
}
