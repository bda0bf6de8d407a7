using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Qadam.Api.Features.Organisations;
using Qadam.Api.Features.Students;

namespace Qadam.Api.Features.Universities;

/// <summary>
/// An educational programme of a university, taught by one faculty. Its <see cref="Field"/> is the group of
/// educational programmes that decides the distance-learning cap: order 97 para 20 allows at most 20 % of the
/// disciplines for pedagogy, law, choreography, music, aviation, construction, marine, health care, military and
/// veterinary programmes and 50 % for the others; the field codes are those of the condition tables in
/// workflows/limits (<c>pedagogy</c>, <c>law</c> ... <c>economics</c>, <c>it</c>).
/// </summary>
public sealed class UniversityProgramme
{
    private UniversityProgramme()
    {
        Code = NameKk = NameRu = Field = string.Empty;
        Kind = RegularKind;
    }

    /// <summary>An ordinary programme: none of the business-administration kinds of order 374 para 21.</summary>
    public const string RegularKind = "regular";

    /// <summary>The kinds order 374 para 21 caps in credits: MBA (30), EMBA and DBA (15).</summary>
    public static readonly IReadOnlyList<string> Kinds = [RegularKind, "mba", "emba", "dba"];

    public UniversityProgramme(
        Guid universityId, Guid facultyId, string code, string nameKk, string nameRu, string field, EducationLevel level, string kind = RegularKind)
    {
        if (!Kinds.Contains(kind, StringComparer.Ordinal))
        {
            throw new ArgumentOutOfRangeException(nameof(kind), kind, "A programme is regular, mba, emba or dba.");
        }

        Kind = kind;
        Id = Guid.CreateVersion7();
        UniversityId = universityId;
        FacultyId = facultyId;
        Code = code;
        NameKk = nameKk;
        NameRu = nameRu;
        Field = field;
        Level = level;
    }

    public Guid Id { get; private set; }

    public Guid UniversityId { get; private set; }

    public Guid FacultyId { get; private set; }

    /// <summary>The programme's code in the register of educational programmes (e.g. <c>6B01101</c>).</summary>
    public string Code { get; private set; }

    public string NameKk { get; private set; }

    public string NameRu { get; private set; }

    /// <summary>The group of programmes of order 97 para 20 (and order 374 para 25), as the condition tables name it.</summary>
    public string Field { get; private set; }

    /// <summary>Bachelor, master or doctoral.</summary>
    public EducationLevel Level { get; private set; }

    /// <summary>
    /// <c>regular</c>, <c>mba</c>, <c>emba</c> or <c>dba</c>: order 374 para 21 caps MBA at 30 and EMBA and DBA at 15 credits
    /// with distance technologies. The programme's own record says it, not the student or the dean in a case form.
    /// </summary>
    public string Kind { get; private set; }
}

internal sealed class UniversityProgrammeConfiguration : IEntityTypeConfiguration<UniversityProgramme>
{
    public void Configure(EntityTypeBuilder<UniversityProgramme> builder)
    {
        builder.ToTable("university_programmes");
        builder.HasKey(p => p.Id);
        builder.Property(p => p.Code).HasMaxLength(16);
        builder.HasIndex(p => new { p.UniversityId, p.Code }).IsUnique();
        builder.Property(p => p.NameKk).HasMaxLength(300);
        builder.Property(p => p.NameRu).HasMaxLength(300);
        builder.Property(p => p.Field).HasMaxLength(32);
        builder.Property(p => p.Level).HasConversion<string>().HasMaxLength(24);
        builder.Property(p => p.Kind).HasMaxLength(16).HasDefaultValue(UniversityProgramme.RegularKind);
        builder.HasOne<Organisation>().WithMany().HasForeignKey(p => p.UniversityId).OnDelete(DeleteBehavior.Restrict);
        builder.HasOne<Organisation>().WithMany().HasForeignKey(p => p.FacultyId).OnDelete(DeleteBehavior.Restrict);
    }
}
