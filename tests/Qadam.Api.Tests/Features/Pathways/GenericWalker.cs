using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Runtime.CompilerServices;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.Extensions.DependencyInjection;
using Qadam.Api.Tests.Features.Definitions;
using Xunit.Abstractions;

namespace Qadam.Api.Tests.Features.EndToEnd;

/// <summary>How one walk ended: who filed what, on which edition, the steps done, the status and the order signed.</summary>
public sealed record WalkOutcome(string Filer, string Pathway, int Version, bool Approve, IReadOnlyList<string> Steps, string Status, bool SignedOrder);

/// <summary>
/// A client that knows nothing of the pathways but the published contract. As each demo user that may file, on every day an
/// edition of a pathway came into force within the filing window (<c>GET /api/definitions</c>) and today, it reads the
/// pathways offered with their filing forms (<c>GET /api/cases/filing-forms?on=</c>), files a case of every pathway and edition
/// with values taken from that form alone, then, while the case waits at a task, asks the demo users of the task's roles and
/// organisation (<c>GET /api/me</c>) for it, fills its form-js schema from the schema and the task's data alone
/// (<see cref="SchemaAnswers"/>), uploads the evidence it names, signs what a signing step lists, and completes it, until the
/// case reaches an outcome. Anything the contract promises and does not keep is a problem naming the pathway, the task and
/// the field.
/// </summary>
public sealed partial class GenericWalker(WorkflowsApiFactory api, ITestOutputHelper output)
{
    /// <summary>The demo users of README.md: everyone who may be asked for work or may read an inbox.</summary>
    private static readonly string[] DemoUsers =
    [
        "clerk.s1", "clerk.s2", "clerk.c1", "clerk.c2", "registrar.u1", "student.u1", "student2.u1", "student3.u1", "student4.u1",
        "psychologist.s1", "psychologist.s2", "teacher.s1", "teacher.s2", "socialpedagogue.s1", "socialpedagogue.s2",
        "secretary.s1", "secretary.s2", "secretary.c1", "secretary.c2",
        .. Enumerable.Range(1, 5).Select(i => $"council{i}.s1"), .. Enumerable.Range(1, 5).Select(i => $"council{i}.s2"),
        .. Enumerable.Range(1, 5).Select(i => $"council{i}.c1"), .. Enumerable.Range(1, 3).Select(i => $"council{i}.c2"),
        .. Enumerable.Range(1, 3).Select(i => $"trustee{i}.s1"), .. Enumerable.Range(1, 3).Select(i => $"trustee{i}.s2"),
        "head.s1", "head.s2", "head.s3", "head.c1", "head.c2", "deputy.s1", "dean.u1", "council1.u1", "rector.u1", "regional.r1",
        "auditor.r1", "parent.p1", "parent.p2",
    ];

    /// <summary>
    /// One demo user of each role that may file, per kind of organisation (a school, a college, the region over both, the
    /// university's registrar, a university student filing their own case): another user of the same role sees the same
    /// forms for other students.
    /// </summary>
    public static readonly IReadOnlyList<string> Filers = ["clerk.s1", "clerk.c1", "head.s1", "head.c1", "regional.r1", "registrar.u1", "student.u1"];

    /// <summary>Who reads every case and its documents, whoever filed it.</summary>
    private const string Observer = "admin.mon";

    /// <summary>The end states of the pathways' cases; the approving ones end transferred (or back at the end of the period), admitted or registered.</summary>
    private static readonly HashSet<string> Outcomes = new(
        ["transferred", "refused", "returned", "closed", "decided", "registered", "admitted", "revision", "cancelled"], StringComparer.Ordinal);

    private static readonly HashSet<string> Approved = new(["transferred", "returned", "registered", "admitted"], StringComparer.Ordinal);

    /// <summary>Students walked on each branch, per API (a student keeps what a case left: an open case, a ledger's hours).</summary>
    private static readonly ConditionalWeakTable<WorkflowsApiFactory, HashSet<string>> UsedStudents = [];

    private readonly Dictionary<string, JsonObject> _people = new(StringComparer.Ordinal);

    /// <summary>Walks every pathway each filer is offered, on every edition in force in the window, to its end; answers the problems met.</summary>
    public async Task<List<string>> WalkEverythingAsync(bool approve, List<WalkOutcome> outcomes, IReadOnlyList<string>? filers = null)
    {
        var problems = new List<string>();
        var started = DateTime.UtcNow;
        var days = await FilingDaysAsync();
        var inboxesChecked = new HashSet<string>(StringComparer.Ordinal);
        foreach (var filer in filers ?? Filers)
        {
            using var client = await api.ClientForAsync(filer);
            var walked = new HashSet<(string, int)>();
            foreach (var day in days)
            {
                using var listed = await client.GetAsync($"/api/cases/filing-forms?on={day:yyyy-MM-dd}");
                if (!listed.IsSuccessStatusCode)
                {
                    problems.Add($"{filer}: GET /api/cases/filing-forms?on={day:yyyy-MM-dd} {(int)listed.StatusCode} {await listed.Content.ReadAsStringAsync()}");
                    continue;
                }

                foreach (var pathway in (await listed.Content.ReadFromJsonAsync<JsonArray>())!.OfType<JsonObject>())
                {
                    var key = pathway["key"]!.GetValue<string>();
                    var version = pathway["version"]!.GetValue<int>();
                    if (!walked.Add((key, version)))
                    {
                        continue;
                    }

                    if (string.IsNullOrWhiteSpace(pathway["nameKk"]?.GetValue<string>()) || string.IsNullOrWhiteSpace(pathway["nameRu"]?.GetValue<string>()))
                    {
                        problems.Add($"{key}: no name in both kk and ru");
                    }

                    try
                    {
                        var outcome = await WalkAsync(filer, key, version, pathway["form"]!.AsObject(), approve, inboxesChecked.Add(key), problems);
                        if (outcome is not null)
                        {
                            outcomes.Add(outcome);
                        }
                    }
                    catch (Exception ex) when (ex is Xunit.Sdk.XunitException or TimeoutException or HttpRequestException or JsonException)
                    {
                        problems.Add($"{key} v{version} ({filer}): {ex.Message}");
                    }
                }
            }
        }

        output.WriteLine($"{outcomes.Count} walks in {(DateTime.UtcNow - started).TotalSeconds:F0} s");
        return problems;
    }

    /// <summary>
    /// Today and the last day of every edition an amendment replaced within the window a filing date may lie back, as the
    /// published definitions say (a case binds to the edition in force on its filing date).
    /// </summary>
    private async Task<List<DateOnly>> FilingDaysAsync()
    {
        using var client = await api.ClientForAsync(Observer);
        using var listed = await client.GetAsync("/api/cases/filing-forms");
        Assert.Equal(HttpStatusCode.Forbidden, listed.StatusCode);
        var definitions = (await client.GetFromJsonAsync<JsonArray>("/api/definitions"))!;
        using var clerk = await api.ClientForAsync("clerk.s1");
        var form = (await clerk.GetFromJsonAsync<JsonArray>("/api/cases/filing-forms"))!.OfType<JsonObject>().First()["form"]!.AsObject();
        var window = SchemaAnswers.Field(form, "filedOn")!["properties"]!;
        var earliest = DateOnly.Parse(window["min"]!.ToString(), CultureInfo.InvariantCulture);
        var today = DateOnly.Parse(window["max"]!.ToString(), CultureInfo.InvariantCulture);
        var days = definitions.OfType<JsonObject>().Where(d => d["kind"]?.ToString() == "bpmn")
            .SelectMany(d => d["versions"]!.AsArray().OfType<JsonObject>())
            .Where(v => v["status"]?.ToString() == "published" && v["effectiveFrom"] is JsonValue)
            .Select(v => DateOnly.Parse(v["effectiveFrom"]!.ToString(), CultureInfo.InvariantCulture).AddDays(-1))
            .Where(d => d >= earliest && d < today).Append(today).Distinct().Order().ToList();
        output.WriteLine($"filing days: {string.Join(", ", days.Select(d => d.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture)))}");
        return days;
    }

    private async Task<WalkOutcome?> WalkAsync(
        string filer, string key, int version, JsonObject filingForm, bool approve, bool checkInboxes, List<string> problems)
    {
        var name = $"{key} v{version} ({filer}, {(approve ? "approve" : "refuse")})";
        var today = DateOnly.Parse(SchemaAnswers.Field(filingForm, "filedOn")!["properties"]!["max"]!.ToString(), CultureInfo.InvariantCulture);
        SchemaAnswers.CheckLabels($"{key} filing form", filingForm, null, problems);
        var filing = SchemaAnswers.Fill($"{key} filing form", filingForm, null, approve, today, problems);
        // The demo has a clerk (or a registrar) wherever it has the other people a case asks for; a school with its head alone
        // (s3) takes part in the regional pathways only, so a filer who sees many organisations files where the demo has staff.
        var registering = new HashSet<string>(StringComparer.Ordinal);
        foreach (var user in DemoUsers)
        {
            var me = await PersonAsync(user);
            if (me["roles"]!.AsArray().Any(r => r!.ToString() is "clerk" or "registrar") && me["organisationCode"] is JsonValue code)
            {
                registering.Add(code.ToString());
            }
        }

        var students = (SchemaAnswers.Field(filingForm, "studentIin")?["values"]?.AsArray().OfType<JsonObject>() ?? [])
            .OrderBy(v => OrganisationOf().Match(v["label"]!.ToString()) is { Success: true } m && !registering.Contains(m.Groups["code"].Value))
            .Select(v => v["value"]!.GetValue<string>()).ToList();
        var used = UsedStudents.GetOrCreateValue(api);
        // A student filing their own case has only themself to file for.
        var student = students.FirstOrDefault(s => used.Add($"{s}/{approve}")) ?? (students.Count == 1 ? students[0] : null);
        // An organisation's own case (tvet-online) is filed for a programme and offers no student field at all.
        var forOrganisation = SchemaAnswers.Field(filingForm, "studentIin") is null;
        if (student is null && !forOrganisation)
        {
            problems.Add($"{name}: the filing form offers no student not yet walked");
            return null;
        }

        filing["pathway"] = key;
        if (!forOrganisation)
        {
            filing["studentIin"] = student;
        }

        filing["language"] = approve ? "kk" : "ru";
        filing["data"] = new JsonObject();
        using var filerClient = await api.ClientForAsync(filer);
        using var filed = await filerClient.PostAsync("/api/cases", Pathways.Json(filing));
        var filedBody = await filed.Content.ReadAsStringAsync();
        if (filed.StatusCode != HttpStatusCode.Created)
        {
            problems.Add($"{name}: filing with the values the filing form allows ({filing.ToJsonString()}): {(int)filed.StatusCode} {filedBody}");
            return null;
        }

        var filedCase = JsonDocument.Parse(filedBody).RootElement.Clone();
        if (filedCase.GetProperty("definitionVersion").GetInt32() != version)
        {
            problems.Add($"{name}: the form offered version {version}, the case was bound to {filedCase.GetProperty("definitionVersion").GetInt32()}");
        }

        using var @case = new PathwayCase(api, filedCase.GetProperty("id").GetString()!, filedCase);
        var observer = await @case.ClientAsync(Observer);
        var steps = new List<string>();
        var offered = new HashSet<string>(StringComparer.Ordinal);
        var visits = new Dictionary<string, int>(StringComparer.Ordinal);
        var idle = 0;
        for (var round = 0; round < 60 && idle < 3; round++)
        {
            await @case.RunJobsAsync();
            var detail = (await observer.GetFromJsonAsync<JsonObject>($"/api/cases/{@case.Id}"))!;
            var worked = false;
            foreach (var user in await WorkersAsync(detail))
            {
                var client = await @case.ClientAsync(user);
                using var inbox = await client.GetAsync($"/api/tasks?caseId={@case.Id}");
                if (!inbox.IsSuccessStatusCode)
                {
                    problems.Add($"{name}: {user}, of a role the case waits for, reads the inbox: {(int)inbox.StatusCode}");
                    continue;
                }

                var items = (await inbox.Content.ReadFromJsonAsync<JsonObject>())!["items"]!.AsArray().OfType<JsonObject>()
                    .Where(t => t["assignee"] is null || t["assignee"]!.GetValue<string>() == user).ToList();
                var decided = Outcomes.Contains(detail["case"]!["status"]!.GetValue<string>());
                foreach (var item in items)
                {
                    offered.Add(user);
                    var element = item["elementId"]!.GetValue<string>();
                    if (decided && visits.ContainsKey($"{element}/{user}"))
                    {
                        // Decided, and what is left comes round while the period runs (a renewed conclusion, the next quarter):
                        // the case is where its decision put it.
                        continue;
                    }

                    // A step that comes round again for the same person (a quarter's attestation while the period runs, a renewed
                    // conclusion) takes the other branch the second time, so the walk ends as the period would; each member's
                    // ballot of one vote is a first visit.
                    var visit = visits[$"{element}/{user}"] = visits.GetValueOrDefault($"{element}/{user}") + 1;
                    switch (await WorkTaskAsync(@case, client, user, item, $"{name} task {element} ({user})", visit <= 1 ? approve : !approve, problems))
                    {
                        case TaskResult.Done:
                            steps.Add(element);
                            worked = true;
                            break;
                        case TaskResult.Failed:
                            return new WalkOutcome(filer, key, version, approve, steps, "failed", false);
                    }
                }
            }

            idle = worked ? 0 : idle + 1;
            if (!worked && Outcomes.Contains(detail["case"]!["status"]!.GetValue<string>()) && detail["currentSteps"]!.AsArray().Count == 0)
            {
                break;
            }

            if (!worked)
            {
                await Task.Delay(200);
            }
        }

        var ended = (await observer.GetFromJsonAsync<JsonObject>($"/api/cases/{@case.Id}"))!;
        var status = ended["case"]!["status"]!.GetValue<string>();
        var documents = (await observer.GetFromJsonAsync<JsonArray>($"/api/cases/{@case.Id}/documents"))!.OfType<JsonObject>().ToList();
        var signedOrder = documents.Any(d => d["documentType"]?.ToString() == "ORDER" && d["signatures"] is JsonArray { Count: > 0 });
        output.WriteLine($"{name}: {string.Join(" → ", steps)} ⇒ {status}{(signedOrder ? ", order signed" : string.Empty)}");
        if (!Outcomes.Contains(status))
        {
            var waiting = ended["currentSteps"]!.AsArray().OfType<JsonObject>()
                .Select(s => $"{s["elementId"]} [{string.Join(",", s["candidateRoles"]?.AsArray().Select(r => r!.ToString()) ?? [])} @ {s["organisation"]}]");
            problems.Add($"{name}: stuck in status '{status}' after {string.Join(" → ", steps)}; no demo user has an open task; waiting at {string.Join("; ", waiting)}");
        }
        else if (approve && !(Approved.Contains(status) && signedOrder))
        {
            problems.Add($"{name}: the approving walk ended '{status}' {(signedOrder ? "with" : "without")} a signed order after {string.Join(" → ", steps)}");
        }

        if (checkInboxes)
        {
            await CheckInboxesAsync(@case, offered, name, problems);
        }

        return new WalkOutcome(filer, key, version, approve, steps, status, signedOrder);
    }

    private enum TaskResult
    {
        Skipped,
        Done,
        Failed,
    }

    /// <summary>One task of the inbox, read, filled from its schema, its evidence attached and documents signed, completed.</summary>
    private async Task<TaskResult> WorkTaskAsync(PathwayCase @case, HttpClient client, string user, JsonObject item, string where, bool approve, List<string> problems)
    {
        var taskId = item["id"]!.GetValue<string>();
        using var read = await client.GetAsync($"/api/tasks/{taskId}");
        if (read.StatusCode != HttpStatusCode.OK)
        {
            problems.Add($"{where}: GET /api/tasks/{{id}} of a task in the inbox: {(int)read.StatusCode} {await read.Content.ReadAsStringAsync()}");
            return TaskResult.Failed;
        }

        var detail = (await read.Content.ReadFromJsonAsync<JsonObject>())!;
        // A task of the list may have been withdrawn by the one completed before it (the other branch of an event gateway).
        if (detail["callerIsCandidate"]?.GetValue<bool>() != true || detail["task"]?["status"]?.ToString() is not ("open" or "claimed"))
        {
            return TaskResult.Skipped;
        }

        var today = DateOnly.FromDateTime(api.Services.GetRequiredService<TimeProvider>().GetUtcNow().ToOffset(TimeSpan.FromHours(5)).DateTime);
        var data = new JsonObject();
        var given = detail["data"] as JsonObject;
        if (detail["form"] is JsonObject form)
        {
            SchemaAnswers.CheckLabels(where, form, given, problems);
            data = SchemaAnswers.Fill(where, form, given, approve, today, problems);
            foreach (var field in SchemaAnswers.Fields(form).Where(f => (f["properties"] as JsonObject)?["evidence"]?.ToString() == "required"))
            {
                data[field["key"]!.GetValue<string>()] = await @case.AttachEvidenceAsync(user, "evidence.pdf");
            }
        }
        else if (item["formKey"] is JsonValue formKey)
        {
            problems.Add($"{where}: the task names the form '{formKey}' and GET /api/tasks/{{id}} publishes no schema for it");
        }

        foreach (var document in detail["documents"]!.AsArray().OfType<JsonObject>()
                     .Where(d => d["toSign"]?.GetValue<bool>() == true && d["signedByCaller"]?.GetValue<bool>() != true))
        {
            using var signed = await client.PostAsync($"/api/documents/{document["id"]}/signatures", Pathways.Json(new { mode = "server" }));
            var answer = await signed.Content.ReadAsStringAsync();
            // The server's demo key is made for the real day; on a clock set back (a past edition) the API says to sign with
            // one's own key, as a person signs with their NCA key through NCALayer: a detached CMS of the document's content.
            using var own = signed.StatusCode == HttpStatusCode.UnprocessableEntity && answer.Contains("sign with your own key (cms)", StringComparison.Ordinal)
                ? await client.PostAsync($"/api/documents/{document["id"]}/signatures", Pathways.Json(new { cms = await OwnSignatureAsync(client, user, document["id"]!.ToString()) }))
                : null;
            if (!(own ?? signed).IsSuccessStatusCode)
            {
                problems.Add($"{where}: signing {document["templateKey"]}: {(int)(own ?? signed).StatusCode} {(own is null ? answer : await own.Content.ReadAsStringAsync())}");
                return TaskResult.Failed;
            }
        }

        using var completed = await client.PostAsync($"/api/tasks/{taskId}/complete", Pathways.Json(new { data }));
        var body = await completed.Content.ReadAsStringAsync();
        if (completed.StatusCode == HttpStatusCode.Conflict && body.Contains("cancelled, not open", StringComparison.Ordinal))
        {
            // Withdrawn while it was being filled (a timer or the other branch of a gateway ran): the next round re-reads.
            return TaskResult.Skipped;
        }

        if (completed.StatusCode != HttpStatusCode.OK)
        {
            problems.Add($"{where}: completing with values its schema allows ({data.ToJsonString()}): {(int)completed.StatusCode} {body}");
            return TaskResult.Failed;
        }

        return TaskResult.Done;
    }

    /// <summary>
    /// A detached CMS of the document's content, made with a key of <paramref name="user"/>'s own that the demo CA issues for
    /// the API's day (the person's NCA certificate in a real deployment).
    /// </summary>
    private async Task<string> OwnSignatureAsync(HttpClient client, string user, string documentId)
    {
        var content = await client.GetByteArrayAsync($"/api/documents/{documentId}/content");
        var now = api.Services.GetRequiredService<TimeProvider>().GetUtcNow();
        await using var scope = api.Services.CreateAsyncScope();
        var person = await scope.ServiceProvider.GetRequiredService<Microsoft.AspNetCore.Identity.UserManager<Qadam.Api.Features.Identity.QadamUser>>()
            .FindByNameAsync(user);
        using var certificate = api.Services.GetRequiredService<Qadam.Documents.Pki.DemoPki>()
            .IssueUser(person!.Iin!, person.DisplayName, Qadam.Documents.Pki.SignerKeyAlgorithm.Ecdsa, now.AddDays(-1), now.AddYears(1));
        return Convert.ToBase64String(Qadam.Documents.Signatures.DetachedCmsSigner.Sign(content, certificate, now));
    }

    /// <summary>The demo users of a role the case waits for, in the step's organisation.</summary>
    private async Task<List<string>> WorkersAsync(JsonObject detail)
    {
        var steps = detail["currentSteps"]!.AsArray().OfType<JsonObject>().Where(s => s["taskId"] is JsonValue).ToList();
        var workers = new List<string>();
        foreach (var user in DemoUsers)
        {
            var me = await PersonAsync(user);
            var roles = me["roles"]!.AsArray().Select(r => r!.ToString()).ToHashSet(StringComparer.Ordinal);
            var sees = me["visibleOrganisationCodes"]!.AsArray().Select(o => o!.ToString()).ToHashSet(StringComparer.Ordinal);
            if (steps.Any(s => s["candidateRoles"]!.AsArray().Any(r => roles.Contains(r!.ToString()))
                               && (s["organisation"] is not JsonValue o || me["seesAllOrganisations"]!.GetValue<bool>() || sees.Contains(o.ToString()))))
            {
                workers.Add(user);
            }
        }

        return workers;
    }

    /// <summary>Every demo user offered no task of the case reads their own inbox for it without a 403 (an empty one).</summary>
    private async Task CheckInboxesAsync(PathwayCase @case, HashSet<string> offered, string name, List<string> problems)
    {
        foreach (var user in DemoUsers.Where(u => !offered.Contains(u)))
        {
            using var inbox = await (await @case.ClientAsync(user)).GetAsync($"/api/tasks?caseId={@case.Id}");
            if (inbox.StatusCode == HttpStatusCode.Forbidden)
            {
                problems.Add($"{name}: {user}, offered no task, reads their own inbox: 403");
            }
        }
    }

    /// <summary>The organisation's code a student's option ends with: "Name, 3А (s3)".</summary>
    [System.Text.RegularExpressions.GeneratedRegex(@"\((?<code>[^()]+)\)$")]
    private static partial System.Text.RegularExpressions.Regex OrganisationOf();

    private async Task<JsonObject> PersonAsync(string user)
    {
        if (!_people.TryGetValue(user, out var me))
        {
            using var client = await api.ClientForAsync(user);
            me = (await client.GetFromJsonAsync<JsonObject>("/api/me"))!;
            _people[user] = me;
        }

        return me;
    }
}
