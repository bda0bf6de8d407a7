using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;
using Qadam.Api.Features.Students;

namespace Qadam.Api.Features.Universities;

/// <summary>
/// One discipline of a student's plan: its credits and academic hours, the hours already delivered with distance
/// technologies, and whether it is a MOOC (order 97 para 20 part 3 exempts MOOCs from the 20 % of a discipline's
/// volume; para 28 counts them towards 20 % of the credits).
/// </summary>
public sealed record PlanDiscipline(string Code, string NameKk, string NameRu, int Credits, int Hours, int DistanceHours, bool Mooc);

/// <summary>
/// A university student's plan of study (the individual study plan of the credit technology, order 97 para 21): the
/// programme, the year, the credits of the programme and the disciplines with their distance share. The caps of
/// order 97 para 20 and 26 and of order 374 para 21, 25-28 are checked against this plan, not against one case.
/// </summary>
public sealed class StudyPlan
{
    private StudyPlan()
    {
        DisciplinesJson = "[]";
    }

    public StudyPlan(Guid studentId, Guid programmeId, int year, int credits, int mobilityCredits, IReadOnlyList<PlanDiscipline> disciplines)
    {
        StudentId = studentId;
        ProgrammeId = programmeId;
        Year = year;
        Credits = credits;
        MobilityCredits = mobilityCredits;
        DisciplinesJson = JsonSerializer.Serialize(disciplines, JsonSerializerOptions.Web);
    }

    public Guid StudentId { get; private set; }

    public Guid ProgrammeId { get; private set; }

    /// <summary>The year (course) of study.</summary>
    public int Year { get; private set; }

    /// <summary>The credits of the whole programme (e.g. 240 for a four-year bachelor's programme).</summary>
    public int Credits { get; private set; }

    /// <summary>Credits already taken through academic mobility (order 97 para 26, order 374 para 26).</summary>
    public int MobilityCredits { get; private set; }

    public string DisciplinesJson { get; private set; }

    /// <summary>The plan as the process sees it (<c>student.plan</c>): credits, mobility credits and disciplines.</summary>
    public JsonObject ToJson() => new()
    {
        ["year"] = Year,
        ["credits"] = Credits,
        ["mobilityCredits"] = MobilityCredits,
        ["disciplines"] = JsonNode.Parse(DisciplinesJson),
    };
}

internal sealed class StudyPlanConfiguration : IEntityTypeConfiguration<StudyPlan>
{
    public void Configure(EntityTypeBuilder<StudyPlan> builder)
    {
        builder.ToTable("university_study_plans");
        builder.HasKey(p => p.StudentId);
        builder.Property(p => p.DisciplinesJson).HasColumnName("disciplines").HasColumnType("jsonb");
        builder.HasOne<Student>().WithMany().HasForeignKey(p => p.StudentId).OnDelete(DeleteBehavior.Cascade);
        builder.HasOne<UniversityProgramme>().WithMany().HasForeignKey(p => p.ProgrammeId).OnDelete(DeleteBehavior.Restrict);
    }
}
