using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Qadam.Api.Features.Identity;
using Qadam.Api.Features.Students;
using Qadam.Api.Persistence;
using Qadam.Api.Tests.Features.Definitions;
using Qadam.Api.Tests.Features.Rosters;

namespace Qadam.Api.Tests.Features.Authorization;

/// <summary>
/// The authorisation matrix: each role × each endpoint of this part × own and foreign organisation, asserting both what a
/// caller may do and that nothing of a foreign organisation leaks (404 for a foreign student, empty lists, 403 or 422).
/// </summary>
public sealed class AuthorizationMatrixTests(QadamApiFactory api) : IClassFixture<QadamApiFactory>
{
    private static readonly string[] Region = ["s1", "s2", "s3", "c1"];

    /// <summary>
    /// The region's organisations, the college c2 of the second region (Akmola, with its demo group) and the university,
    /// which is under the ministry, not under a region.
    /// </summary>
    private static readonly string[] All = [.. Region, "c2", "u1"];

    public static TheoryData<string, string[], string[], bool, bool> Callers => new()
    {
        // user, organisations whose students it sees, schools it may import for, may verify audit, is a parent
        { "clerk.s1", ["s1"], ["s1"], false, false },
        { "psychologist.s1", ["s1"], [], false, false },
        { "teacher.s1", ["s1"], [], false, false },
        { "socialpedagogue.s1", ["s1"], [], false, false },
        { "council1.s1", ["s1"], [], false, false },
        { "secretary.s1", ["s1"], [], false, false },
        { "trustee1.s1", ["s1"], [], false, false },
        { "head.s1", ["s1"], [], false, false },
        { "clerk.s2", ["s2"], ["s2"], false, false },
        { "head.s2", ["s2"], [], false, false },
        { "clerk.c1", ["c1"], ["c1"], false, false },
        { "council3.c1", ["c1"], [], false, false },
        { "regional.r1", Region, Region, false, false },
        { "legal.r1", Region, [], false, false },
        { "auditor.r1", Region, [], true, false },
        { "admin.mon", All, [], true, false },
        { "registrar.u1", ["u1"], [], false, false },
        { "dean.u1", ["u1"], [], false, false },
        { "council1.u1", ["u1"], [], false, false },
        { "rector.u1", ["u1"], [], false, false },
        { "parent.p1", [], [], false, true },
        { "parent.p2", [], [], false, true },
    };

    [Theory]
    [MemberData(nameof(Callers))]
    public async Task Each_caller_sees_and_does_only_what_its_role_and_organisation_allow(
        string user, string[] sees, string[] importsFor, bool verifiesAudit, bool isParent)
    {
        using var client = await api.ClientForAsync(user);
        var students = await OneStudentPerOrganisationAsync();
        var linked = await LinkedChildrenAsync(user);
        var readsCaseData = user != "legal.r1";

        // GET /api/students/{iin}: own organisation's students (or own children) 200, everyone else's 404 like an unknown IIN;
        // the legal editor edits pathways and reads no student at all (403).
        foreach (var (code, iin) in students)
        {
            using var response = await client.GetAsync($"/api/students/{iin}");
            var expected = !readsCaseData ? HttpStatusCode.Forbidden
                : sees.Contains(code) || linked.Contains(iin) ? HttpStatusCode.OK : HttpStatusCode.NotFound;
            Assert.True(expected == response.StatusCode, $"{user} GET student of {code}: {response.StatusCode}, expected {expected}");
        }

        // GET /api/students: staff and auditors list only their scope, for any filter; parents are refused.
        using (var response = await client.GetAsync("/api/students?pageSize=500"))
        {
            if (isParent || !readsCaseData)
            {
                Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
            }
            else
            {
                var page = await response.Content.ReadFromJsonAsync<StudentPage>();
                Assert.NotEmpty(page!.Items);
                Assert.All(page.Items, s => Assert.Contains(s.Organisation, sees));
                foreach (var foreign in Region.Except(sees))
                {
                    var filtered = await client.GetFromJsonAsync<StudentPage>($"/api/students?organisation={foreign}");
                    Assert.Equal(0, filtered!.Total);
                }
            }
        }

        // POST /api/rosters/import (dry run): own schools accepted, foreign refused row by row, other roles 403.
        var mayImport = importsFor.Length > 0;
        foreach (var code in Region)
        {
            var college = code == "c1";
            var csv = RosterFiles.Csv(RosterFiles.ValidRow(code, new DateOnly(2012, 4, 4), out _,
                college ? "ИС-24" : "5А", college ? "tvet" : "basic_secondary"));
            using var response = await client.PostAsync("/api/rosters/import?dryRun=true", RosterFiles.Upload(csv));
            var expected = !mayImport ? HttpStatusCode.Forbidden
                : importsFor.Contains(code) ? HttpStatusCode.OK : HttpStatusCode.UnprocessableEntity;
            Assert.True(expected == response.StatusCode, $"{user} import for {code}: {response.StatusCode}, expected {expected}");
        }

        // GET /api/audit/verify: auditors and administrators only.
        using (var response = await client.GetAsync("/api/audit/verify"))
        {
            Assert.Equal(verifiesAudit ? HttpStatusCode.OK : HttpStatusCode.Forbidden, response.StatusCode);
        }

        // POST /api/parents/me/children: parents only (a staff member's IIN never links a child).
        using (var response = await client.PostAsync("/api/parents/me/children",
                   new StringContent($"{{\"iin\":\"{students["s1"]}\"}}", Encoding.UTF8, "application/json")))
        {
            Assert.Equal(isParent ? (linked.Contains(students["s1"]) ? HttpStatusCode.OK : HttpStatusCode.NotFound) : HttpStatusCode.Forbidden,
                response.StatusCode);
        }

        // GET /api/me: the scope as the server computed it.
        var me = await client.GetFromJsonAsync<MeResponse>("/api/me");
        if (user == "admin.mon")
        {
            Assert.True(me!.SeesAllOrganisations);
        }
        else
        {
            Assert.Equal(sees.Order(StringComparer.Ordinal), me!.VisibleOrganisationCodes.Where(c => All.Contains(c)).Order(StringComparer.Ordinal));
        }
    }

    [Theory]
    [MemberData(nameof(Callers))]
    public async Task Each_caller_sees_cases_tasks_and_definitions_only_as_its_role_and_organisation_allow(
        string user, string[] sees, string[] importsFor, bool verifiesAudit, bool isParent)
    {
        _ = importsFor;
        _ = verifiesAudit;
        var cases = await MatrixCasesAsync();
        var linked = await LinkedChildrenAsync(user);
        using var client = await api.ClientForAsync(user);
        var staff = !isParent;
        var readsCaseData = user != "legal.r1";

        // GET /api/cases/{id}, its audit and its evidence: the case's organisation (or the parent's own child), else 404;
        // the legal editor reads no case (403).
        foreach (var (code, (caseId, iin)) in cases)
        {
            var expected = !readsCaseData ? HttpStatusCode.Forbidden
                : sees.Contains(code) || linked.Contains(iin) ? HttpStatusCode.OK : HttpStatusCode.NotFound;
            foreach (var path in new[] { $"/api/cases/{caseId}", $"/api/cases/{caseId}/audit", $"/api/cases/{caseId}/evidence" })
            {
                using var response = await client.GetAsync(path);
                Assert.True(expected == response.StatusCode, $"{user} GET {path} of {code}: {response.StatusCode}, expected {expected}");
            }
        }

        // GET /api/cases: only visible cases, whatever the filter.
        if (!readsCaseData)
        {
            Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/api/cases?pageSize=500")).StatusCode);
            Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/api/tasks?pageSize=500")).StatusCode);
            Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/definitions")).StatusCode);
            return;
        }

        var list = await client.GetFromJsonAsync<JsonElement>("/api/cases?pageSize=500");
        Assert.All(list.GetProperty("items").EnumerateArray(),
            c => Assert.True(sees.Contains(c.GetProperty("organisation").GetString()) || linked.Contains(c.GetProperty("studentIin").GetString()!)));
        foreach (var foreign in Region.Except(sees))
        {
            var filtered = await client.GetFromJsonAsync<JsonElement>($"/api/cases?organisation={foreign}");
            Assert.True(isParent || filtered.GetProperty("total").GetInt32() == 0, $"{user} lists cases of {foreign}");
        }

        // GET /api/tasks: everyone who reads cases reads an inbox, with tasks of visible organisations and the caller's roles only:
        // an auditor or a parent, whose role no task names, reads an empty one (not a 403); only staff open or complete a task.
        using (var response = await client.GetAsync("/api/tasks?pageSize=500"))
        {
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var tasks = await response.Content.ReadFromJsonAsync<JsonElement>();
            Assert.All(tasks.GetProperty("items").EnumerateArray(), t => Assert.Contains(t.GetProperty("organisation").GetString(), sees));
            var psychologist = user.StartsWith("psychologist.", StringComparison.Ordinal);
            Assert.Equal(psychologist ? sees.Count(cases.ContainsKey) : 0, tasks.GetProperty("total").GetInt32());
        }

        // GET /api/definitions: staff and auditors; parents 403. Mutations: the legal editor only.
        Assert.Equal(staff ? HttpStatusCode.OK : HttpStatusCode.Forbidden, (await client.GetAsync("/api/definitions")).StatusCode);
        using (var draft = await client.PostAsync("/api/definitions/matrix-probe/drafts", new StringContent("<x/>", Encoding.UTF8, "application/xml")))
        {
            Assert.Equal(user == "legal.r1" ? HttpStatusCode.UnprocessableEntity : HttpStatusCode.Forbidden, draft.StatusCode);
        }

        // POST /api/cases: clerks, heads, regional officers and a university's registrar; a foreign student is 422 like an unknown one.
        var files = user.StartsWith("clerk.", StringComparison.Ordinal) || user.StartsWith("head.", StringComparison.Ordinal) || user is "regional.r1" or "registrar.u1";
        using (var file = await client.PostAsync("/api/cases", Pathways.Json(new
               {
                   pathway = "matrix-pathway", studentIin = cases["s1"].Iin, ground = "g", filedOn = Pathways.Today.AddDays(1),
               })))
        {
            var expected = !files ? HttpStatusCode.Forbidden : HttpStatusCode.UnprocessableEntity;
            Assert.True(expected == file.StatusCode, $"{user} POST /api/cases: {file.StatusCode}, expected {expected}");
        }

        // POST /api/emergency-orders: regional officers (and integration clients) only.
        using (var order = await client.PostAsync("/api/emergency-orders", Pathways.Json(new { issuingBody = "x" })))
        {
            Assert.Equal(user == "regional.r1" ? HttpStatusCode.BadRequest : HttpStatusCode.Forbidden, order.StatusCode);
        }

        // GET /api/parents/me/cases: parents only, their own children only.
        using (var mine = await client.GetAsync("/api/parents/me/cases"))
        {
            Assert.Equal(isParent ? HttpStatusCode.OK : HttpStatusCode.Forbidden, mine.StatusCode);
            if (isParent)
            {
                var children = await mine.Content.ReadFromJsonAsync<JsonElement>();
                Assert.Equal(linked.Order(StringComparer.Ordinal), children.EnumerateArray().Select(c => c.GetProperty("iin").GetString()!).Order(StringComparer.Ordinal));
            }
        }
    }

    [Fact]
    public async Task A_university_student_reads_and_files_only_for_themself()
    {
        using var client = await api.ClientForAsync("student.u1");
        var students = await OneStudentPerOrganisationAsync();
        var own = await OwnIinAsync("student.u1");
        var classmate = await OwnIinAsync("student2.u1");

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync($"/api/students/{own}")).StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/students/{classmate}")).StatusCode);
        foreach (var iin in students.Values.Where(i => i != own))
        {
            Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync($"/api/students/{iin}")).StatusCode);
        }

        foreach (var path in new[] { "/api/students", "/api/definitions", "/api/parents/me/cases", "/api/audit/verify" })
        {
            Assert.True((await client.GetAsync(path)).StatusCode == HttpStatusCode.Forbidden, $"student.u1 GET {path}");
        }

        // The student's own inbox: no task names a student's role, so it is empty, not a 403.
        Assert.Equal(0, (await client.GetFromJsonAsync<JsonElement>("/api/tasks")).GetProperty("total").GetInt32());

        var me = await client.GetFromJsonAsync<MeResponse>("/api/me");
        Assert.False(me!.SeesAllOrganisations);
        Assert.Empty(me.VisibleOrganisationCodes);

        // Filing for a classmate is refused like an unknown IIN; for themself the request reaches the pathway check.
        using var foreign = await client.PostAsync("/api/cases", Pathways.Json(new
        {
            pathway = "university-distance", studentIin = classmate, ground = "g", filedOn = Pathways.Today,
        }));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, foreign.StatusCode);
        Assert.Contains("studentIin", await foreign.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        using var self = await client.PostAsync("/api/cases", Pathways.Json(new
        {
            pathway = "matrix-absent", studentIin = own, ground = "g", filedOn = Pathways.Today,
        }));
        Assert.Equal(HttpStatusCode.UnprocessableEntity, self.StatusCode);
        Assert.DoesNotContain("studentIin", await self.Content.ReadAsStringAsync(), StringComparison.Ordinal);
    }

    private async Task<string> OwnIinAsync(string user)
    {
        await using var scope = api.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<QadamDbContext>();
        return await db.Users.Where(u => u.UserName == user).Select(u => u.Iin!).SingleAsync();
    }

    [Fact]
    public async Task Without_a_token_every_endpoint_answers_401()
    {
        using var client = api.CreateClient();

        foreach (var (method, path) in new[]
                 {
                     (HttpMethod.Get, "/api/me"), (HttpMethod.Get, "/api/students"), (HttpMethod.Get, "/api/students/900615300011"),
                     (HttpMethod.Post, "/api/rosters/import"), (HttpMethod.Get, "/api/audit/verify"),
                     (HttpMethod.Get, "/api/parents/me/children"), (HttpMethod.Post, "/api/parents/me/children"),
                     (HttpMethod.Get, "/api/parents/me/cases"), (HttpMethod.Get, "/api/definitions"),
                     (HttpMethod.Get, "/api/definitions/k/versions/1"), (HttpMethod.Post, "/api/definitions/k/drafts"),
                     (HttpMethod.Post, "/api/definitions/k/versions/1/publish"), (HttpMethod.Post, "/api/definitions/validate"),
                     (HttpMethod.Get, "/api/cases"), (HttpMethod.Post, "/api/cases"), (HttpMethod.Get, $"/api/cases/{Guid.Empty}"),
                     (HttpMethod.Get, $"/api/cases/{Guid.Empty}/audit"), (HttpMethod.Get, $"/api/cases/{Guid.Empty}/evidence"),
                     (HttpMethod.Post, $"/api/cases/{Guid.Empty}/evidence"), (HttpMethod.Get, "/api/tasks"),
                     (HttpMethod.Get, $"/api/tasks/{Guid.Empty}"), (HttpMethod.Post, $"/api/tasks/{Guid.Empty}/claim"),
                     (HttpMethod.Post, $"/api/tasks/{Guid.Empty}/complete"), (HttpMethod.Post, "/api/emergency-orders"),
                 })
        {
            using var response = await client.SendAsync(new HttpRequestMessage(method, path));
            Assert.True(response.StatusCode == HttpStatusCode.Unauthorized, $"{method} {path}: {response.StatusCode}");
        }
    }

    [Fact]
    public async Task An_integration_client_sees_nothing_of_the_staff_endpoints()
    {
        _ = api.Server;
        var secret = await File.ReadAllTextAsync(OidcClients.SecretPath(api.StateDirectory, api.ConnectionString, OidcClients.RegionIntegration));
        using var client = api.CreateClient();
        using var token = await client.PostAsync("/connect/token", Identity.TokenTests.Form(
            ("grant_type", "client_credentials"), ("client_id", OidcClients.RegionIntegration), ("client_secret", secret)));
        var accessToken = (await token.Content.ReadFromJsonAsync<System.Text.Json.JsonElement>()).GetProperty("access_token").GetString();
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", accessToken);

        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/api/students")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/api/audit/verify")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.PostAsync("/api/rosters/import", RosterFiles.Upload("x"))).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/api/cases")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/api/tasks")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.GetAsync("/api/definitions")).StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, (await client.PostAsync("/api/cases", Pathways.Json(new { pathway = "x" }))).StatusCode);
    }

    [Fact]
    public async Task The_integration_client_posts_emergency_orders_and_reads_their_progress_and_nothing_else()
    {
        var cases = await MatrixCasesAsync();
        var students = await OneStudentPerOrganisationAsync();
        using var client = await IntegrationClientAsync();
        var caseId = cases["s1"].Id;
        var unknown = Guid.NewGuid();

        // Health data and identities: the documents and students groups once let any token through.
        foreach (var path in new[]
                 {
                     $"/api/documents/{unknown}", $"/api/documents/{unknown}/content", $"/api/documents/{unknown}/verification",
                     $"/api/documents/{unknown}/pdf", $"/api/students/{students["s1"]}", $"/api/cases/{caseId}", $"/api/cases/{caseId}/documents",
                     $"/api/cases/{caseId}/evidence", $"/api/cases/{caseId}/ballots", $"/api/cases/{caseId}/audit", "/api/dashboard",
                     "/api/definitions", "/api/parents/me/children",
                 })
        {
            using var response = await client.GetAsync(path);
            Assert.True(response.StatusCode == HttpStatusCode.Forbidden, $"integration GET {path}: {response.StatusCode}");
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        }

        using (var sign = await client.PostAsync($"/api/documents/{unknown}/signatures", Pathways.Json(new { mode = "server" })))
        {
            Assert.Equal(HttpStatusCode.Forbidden, sign.StatusCode);
        }

        // Its own business: posting an order (here a malformed one reaches the handler's validation) and reading progress.
        using (var order = await client.PostAsync("/api/emergency-orders", Pathways.Json(new { issuingBody = "x" })))
        {
            Assert.Equal(HttpStatusCode.BadRequest, order.StatusCode);
        }

        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/emergency-orders")).StatusCode);
        using (var progress = await client.GetAsync($"/api/mass-transfers?order={unknown}"))
        {
            Assert.NotEqual(HttpStatusCode.Forbidden, progress.StatusCode);
            Assert.NotEqual(HttpStatusCode.Unauthorized, progress.StatusCode);
        }
    }

    [Fact]
    public async Task A_403_names_the_missing_permission()
    {
        using var client = await IntegrationClientAsync();

        using var response = await client.GetAsync($"/api/documents/{Guid.NewGuid()}/content");

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(QadamPolicies.ReadDocuments, problem.GetProperty("permission").GetString());
        Assert.Contains(QadamPolicies.ReadDocuments, problem.GetProperty("detail").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_legal_editor_edits_pathways_and_reads_or_touches_no_case()
    {
        var cases = await MatrixCasesAsync();
        using var client = await api.ClientForAsync("legal.r1");
        var caseId = cases["s1"].Id;

        foreach (var path in new[]
                 {
                     $"/api/cases/{caseId}", $"/api/cases/{caseId}/evidence", $"/api/cases/{caseId}/documents",
                     $"/api/cases/{caseId}/ballots", "/api/cases", "/api/tasks", "/api/students", $"/api/students/{cases["s1"].Iin}",
                     "/api/dashboard",
                 })
        {
            using var response = await client.GetAsync(path);
            Assert.True(response.StatusCode == HttpStatusCode.Forbidden, $"legal.r1 GET {path}: {response.StatusCode}");
        }

        // Evidence once went onto other schools' cases.
        using (var upload = new MultipartFormDataContent())
        {
            upload.Add(new ByteArrayContent("%PDF-1.4\n%%EOF"u8.ToArray()), "file", "note.pdf");
            using var response = await client.PostAsync($"/api/cases/{caseId}/evidence", upload);
            Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        }

        // What the legal department is for: definitions, their forms, templates and tables, and dry runs.
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/definitions")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/api/definitions/matrix-pathway/versions/1/templates")).StatusCode);
        using (var draft = await client.PostAsync("/api/definitions/matrix-probe/drafts", new StringContent("<x/>", Encoding.UTF8, "application/xml")))
        {
            Assert.Equal(HttpStatusCode.UnprocessableEntity, draft.StatusCode);
        }

        using (var dryRun = await client.PostAsync("/api/definitions/matrix-pathway/versions/1/dry-run", Pathways.Json(new { })))
        {
            Assert.NotEqual(HttpStatusCode.Forbidden, dryRun.StatusCode);
            Assert.True((int)dryRun.StatusCode < 500, $"dry run: {dryRun.StatusCode}");
        }
    }

    private async Task<HttpClient> IntegrationClientAsync()
    {
        _ = api.Server;
        var secret = await File.ReadAllTextAsync(OidcClients.SecretPath(api.StateDirectory, api.ConnectionString, OidcClients.RegionIntegration));
        var client = api.CreateClient();
        using var token = await client.PostAsync("/connect/token", Identity.TokenTests.Form(
            ("grant_type", "client_credentials"), ("client_id", OidcClients.RegionIntegration), ("client_secret", secret)));
        var accessToken = (await token.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("access_token").GetString();
        client.DefaultRequestHeaders.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", accessToken);
        return client;
    }

    /// <summary>One case in s1 (parent.p1's child) and one in c1, each waiting for its psychologist; made once per class.</summary>
    private async Task<Dictionary<string, (string Id, string Iin)>> MatrixCasesAsync()
    {
        await using var scope = api.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<QadamDbContext>();
        if (!await db.Cases.AnyAsync(c => c.PathwayKey == "matrix-pathway"))
        {
            await Pathways.PublishAsync(api, "matrix-pathway", Pathways.PsychologistThenHead("matrix-pathway"));
            using var s1 = await api.ClientForAsync("clerk.s1");
            await Pathways.FileAsync(s1, "matrix-pathway", await Pathways.ChildOfParentP1Async(api));
            using var c1 = await api.ClientForAsync("clerk.c1");
            await Pathways.FileAsync(c1, "matrix-pathway", await Pathways.FirstStudentOfAsync(api, "c1"));
        }

        var rows = await (from c in db.Cases
                          join s in db.Students on c.StudentId equals s.Id
                          join o in db.Organisations on c.OrganisationId equals o.Id
                          where c.PathwayKey == "matrix-pathway"
                          select new { o.Code, c.Id, s.Iin }).ToListAsync();
        return rows.ToDictionary(r => r.Code, r => (r.Id.ToString(), r.Iin), StringComparer.Ordinal);
    }

    private async Task<Dictionary<string, string>> OneStudentPerOrganisationAsync()
    {
        await using var scope = api.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<QadamDbContext>();
        var result = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var code in All)
        {
            var id = await db.Organisations.Where(o => o.Code == code).Select(o => o.Id).SingleAsync();
            result[code] = await db.Students.Where(s => s.OrganisationId == id).OrderBy(s => s.Iin).Select(s => s.Iin).FirstAsync();
        }

        // The first student of s1 in demo order is parent.p1's child; make sure the matrix covers that one.
        var p1 = await db.Users.SingleAsync(u => u.UserName == "parent.p1");
        result["s1"] = await db.Students.Where(s => s.ParentIin == p1.Iin).Select(s => s.Iin).SingleAsync();
        return result;
    }

    private async Task<HashSet<string>> LinkedChildrenAsync(string user)
    {
        await using var scope = api.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<QadamDbContext>();
        return (await (from u in db.Users
                       join l in db.ParentLinks on u.Id equals l.ParentUserId
                       join s in db.Students on l.StudentId equals s.Id
                       where u.UserName == user
                       select s.Iin).ToListAsync()).ToHashSet(StringComparer.Ordinal);
    }
}
