using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Qadam.Api.Persistence;
using Qadam.Api.Tests.Features.EndToEnd;

namespace Qadam.Api.Tests.Features.Universities;

/// <summary>What a student's own screen and the staff's case page read of a university: the pathways a student files with their form, and the programme by name.</summary>
public sealed class StudentScreensApiTests(WorkflowsApiFactory api) : IClassFixture<WorkflowsApiFactory>
{
    private async Task<string> IinOfAsync(string userName)
    {
        _ = api.Server;
        await using var scope = api.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<QadamDbContext>();
        return await db.Users.Where(u => u.UserName == userName).Select(u => u.Iin!).SingleAsync();
    }

    [Fact]
    public async Task A_student_is_offered_the_transfer_with_its_application_form_naming_the_evidence_and_no_emergency()
    {
        using var student = await api.ClientForAsync("student.u1");

        var pathways = await student.GetFromJsonAsync<JsonElement>("/api/students/me/pathways");

        var keys = pathways.EnumerateArray().Select(p => p.GetProperty("key").GetString()).ToList();
        Assert.Contains("university-distance", keys);
        Assert.DoesNotContain("university-emergency", keys);
        var distance = pathways.EnumerateArray().Single(p => p.GetProperty("key").GetString() == "university-distance");
        Assert.Equal("university-application", distance.GetProperty("formKey").GetString());
        var evidence = distance.GetProperty("form").GetProperty("components").EnumerateArray()
            .Single(c => c.TryGetProperty("properties", out var p) && p.TryGetProperty("evidence", out var e) && e.GetString() == "required");
        Assert.Contains("ДКК қорытындысы", evidence.GetProperty("label").GetString());
    }

    [Fact]
    public async Task Staff_reads_the_student_s_programme_and_faculty_by_name_and_another_student_reads_nothing()
    {
        var iin = await IinOfAsync("student.u1");
        using var registrar = await api.ClientForAsync("registrar.u1");
        using var registrarOnly = await api.ClientForAsync("clerk.s1");
        using var other = await api.ClientForAsync("student2.u1");

        var study = await registrar.GetFromJsonAsync<JsonElement>($"/api/universities/students/{iin}");

        Assert.Equal("6B01101", study.GetProperty("programmeCode").GetString());
        Assert.Equal("Педагогика и психология", study.GetProperty("programmeNameRu").GetString());
        Assert.False(string.IsNullOrWhiteSpace(study.GetProperty("facultyNameKk").GetString()));
        Assert.Equal(HttpStatusCode.NotFound, (await other.GetAsync($"/api/universities/students/{iin}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await registrarOnly.GetAsync($"/api/universities/students/{iin}")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await registrar.GetAsync("/api/students/me/pathways")).StatusCode);
    }
}
