namespace Qadam.Api.Features.Students;

/// <summary>A student as the API shows it; age is on today's date in Kazakhstan.</summary>
public sealed record StudentResponse(
    string Iin, string FullName, DateOnly BirthDate, int Age, string Organisation, string ClassName, int Shift, string Level)
{
    /// <summary>The student as the API shows it, their age on <paramref name="today"/> (<c>KazakhstanClock.Today</c>).</summary>
    internal static StudentResponse From(Student s, string organisationCode, DateOnly today) =>
        new(s.Iin, s.FullName, s.BirthDate, s.AgeOn(today), organisationCode, s.ClassName, (int)s.Shift, s.Level.ToString());
}
