namespace Qadam.Api.Features.Students;

/// <summary>A student as the API shows it; age is on today's date in Kazakhstan.</summary>
public sealed record StudentResponse(
    string Iin, string FullName, DateOnly BirthDate, int Age, string Organisation, string ClassName, int Shift, string Level);
