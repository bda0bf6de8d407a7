using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Qadam.Api.Features.Identity;
using Qadam.Api.Features.Organisations;
using Qadam.Identifiers;

namespace Qadam.Api.Features.Students;

/// <summary>Shift a class studies in (Kazakh schools run one to three).</summary>
public enum Shift
{
    First = 1,
    Second = 2,
    Third = 3,
}

/// <summary>Education level of the student's class or group.</summary>
public enum EducationLevel
{
    Preschool,
    Primary,
    BasicSecondary,
    GeneralSecondary,
    Tvet,

    /// <summary>Higher education (бакалавриат), order 97 / order 374.</summary>
    Bachelor,

    /// <summary>Postgraduate: master's programmes (магистратура).</summary>
    Master,

    /// <summary>Postgraduate: doctoral programmes (докторантура).</summary>
    Doctoral,
}

/// <summary>The details a roster row gives for one student.</summary>
public sealed record StudentDetails(
    string FullName, Guid OrganisationId, string ClassName, Shift Shift, EducationLevel Level,
    string? ParentIin, string? ParentName, string? ParentPhone);

/// <summary>A student on a school's or college's roster, known by IIN (unique across the country).</summary>
public sealed class Student
{
    private Student()
    {
        Iin = FullName = ClassName = string.Empty;
    }

    public Student(Iin iin, StudentDetails details, DateTimeOffset now)
        : this()
    {
        Id = Guid.CreateVersion7();
        Iin = iin.Value;
        BirthDate = iin.BirthDate;
        Apply(details, now);
    }

    public Guid Id { get; private set; }

    public string Iin { get; private set; }

    /// <summary>From the IIN, never from a separate column, so the two cannot disagree.</summary>
    public DateOnly BirthDate { get; private set; }

    public string FullName { get; private set; }

    public Guid OrganisationId { get; private set; }

    public string ClassName { get; private set; }

    public Shift Shift { get; private set; }

    public EducationLevel Level { get; private set; }

    public string? ParentIin { get; private set; }

    public string? ParentName { get; private set; }

    public string? ParentPhone { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public int AgeOn(DateOnly on) => Qadam.Identifiers.Iin.Parse(Iin).AgeOn(on);

    /// <summary>True when the roster row changes anything; the import reports such rows as updated.</summary>
    public bool Differs(StudentDetails details) =>
        details != new StudentDetails(FullName, OrganisationId, ClassName, Shift, Level, ParentIin, ParentName, ParentPhone);

    public void Apply(StudentDetails details, DateTimeOffset now)
    {
        FullName = details.FullName;
        OrganisationId = details.OrganisationId;
        ClassName = details.ClassName;
        Shift = details.Shift;
        Level = details.Level;
        ParentIin = details.ParentIin;
        ParentName = details.ParentName;
        ParentPhone = details.ParentPhone;
        UpdatedAt = now;
    }
}

/// <summary>
/// A parent's account linked to a student. Made when the parent's own IIN is the parent IIN on the student's
/// roster row (see <c>LinkChild</c>), so a parent can link only a child whose school recorded them.
/// </summary>
public sealed class ParentLink
{
    private ParentLink()
    {
    }

    public ParentLink(Guid parentUserId, Guid studentId, DateTimeOffset linkedAt)
    {
        ParentUserId = parentUserId;
        StudentId = studentId;
        LinkedAt = linkedAt;
    }

    public Guid ParentUserId { get; private set; }

    public Guid StudentId { get; private set; }

    public DateTimeOffset LinkedAt { get; private set; }
}

internal sealed class StudentConfiguration : IEntityTypeConfiguration<Student>
{
    public void Configure(EntityTypeBuilder<Student> builder)
    {
        builder.ToTable("students");
        builder.HasKey(s => s.Id);
        builder.Property(s => s.Iin).HasMaxLength(12).IsFixedLength();
        builder.HasIndex(s => s.Iin).IsUnique();
        builder.Property(s => s.FullName).HasMaxLength(300);
        builder.Property(s => s.ClassName).HasMaxLength(32);
        builder.Property(s => s.Shift).HasConversion<int>();
        builder.Property(s => s.Level).HasConversion<string>().HasMaxLength(24);
        builder.Property(s => s.ParentIin).HasMaxLength(12).IsFixedLength();
        builder.HasIndex(s => s.ParentIin);
        builder.Property(s => s.ParentName).HasMaxLength(300);
        builder.Property(s => s.ParentPhone).HasMaxLength(16);
        builder.HasOne<Organisation>().WithMany().HasForeignKey(s => s.OrganisationId).OnDelete(DeleteBehavior.Restrict);
        builder.HasIndex(s => new { s.OrganisationId, s.ClassName });
    }
}

internal sealed class ParentLinkConfiguration : IEntityTypeConfiguration<ParentLink>
{
    public void Configure(EntityTypeBuilder<ParentLink> builder)
    {
        builder.ToTable("parent_links");
        builder.HasKey(l => new { l.ParentUserId, l.StudentId });
        builder.HasOne<QadamUser>().WithMany().HasForeignKey(l => l.ParentUserId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<Student>().WithMany().HasForeignKey(l => l.StudentId).OnDelete(DeleteBehavior.Cascade);
        builder.HasIndex(l => l.StudentId);
    }
}
